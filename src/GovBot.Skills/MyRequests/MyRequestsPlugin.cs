using System.ComponentModel;
using GovBot.Skills.Ai;
using GovBot.Skills.Nlu;
using Microsoft.SemanticKernel;

namespace GovBot.Skills.MyRequests;

public sealed class MyRequestsPlugin
{
    [KernelFunction("my_requests")]
    [Description("查看自己反映过的问题、报到等事项的进度；网格员、社区工作人员看自己的待办、今日巡查、待审核，或按单号受理、办结。"
        + "The user asks about the progress of what they submitted; a grid worker or staff member asks for their own work list, "
        + "today's patrol list or what waits for review, or accepts/handles a ticket.")]
    public IntentProposal MyRequests(
        [Description("单号，如 A1234；没说就不填。Ticket number if given.")] string? ticket = null) =>
        IntentProposal.Of(Intents.MyRequests).With(Entities.Ticket, ticket);
}
