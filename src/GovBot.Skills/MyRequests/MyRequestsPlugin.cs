using System.ComponentModel;
using GovBot.Skills.Ai;
using GovBot.Skills.Nlu;
using Microsoft.SemanticKernel;

namespace GovBot.Skills.MyRequests;

public sealed class MyRequestsPlugin
{
    [KernelFunction("my_requests")]
    [Description("查看自己反映过的问题、报到等事项的进度。The user asks about the progress of what they submitted.")]
    public IntentProposal MyRequests(
        [Description("单号，如 A1234；没说就不填。Ticket number if given.")] string? ticket = null) =>
        IntentProposal.Of(Intents.MyRequests).With(Entities.Ticket, ticket);
}
