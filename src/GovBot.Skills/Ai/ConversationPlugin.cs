using System.ComponentModel;
using GovBot.Skills.Nlu;
using Microsoft.SemanticKernel;

namespace GovBot.Skills.Ai;

/// <summary>The engine's own intents: leaving a dialog and saying nothing the bot can do.</summary>
public sealed class ConversationPlugin
{
    [KernelFunction("cancel")]
    [Description("用户想取消、退出正在办的事。The user wants to stop or cancel what is in progress.")]
    public IntentProposal Cancel() => IntentProposal.Of(Intents.Cancel);

    [KernelFunction("other")]
    [Description("闲聊、问候，或以上都不合适时选这个。Small talk, greetings, or nothing else fits.")]
    public IntentProposal Other() => IntentProposal.Of(Intents.Other);
}
