using System.ComponentModel;
using GovBot.Skills.Ai;
using GovBot.Skills.Nlu;
using Microsoft.SemanticKernel;

namespace GovBot.Skills.Handoff;

public sealed class HandoffPlugin
{
    [KernelFunction("handoff")]
    [Description("想找真人、人工客服、工作人员说话，不想跟机器人聊（转人工）。The resident wants a real person instead of the bot; their question, if any, is passed on as typed.")]
    public IntentProposal Handoff() => IntentProposal.Of(Intents.Handoff);
}
