using System.ComponentModel;
using GovBot.Skills.Ai;
using GovBot.Skills.Nlu;
using Microsoft.SemanticKernel;

namespace GovBot.Skills.Help;

public sealed class HelpPlugin
{
    [KernelFunction("help")]
    [Description("想看菜单、问机器人能办什么。The user asks what the bot can do.")]
    public IntentProposal Help() => IntentProposal.Of(Intents.Help);
}
