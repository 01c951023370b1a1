using System.ComponentModel;
using GovBot.Skills.Ai;
using GovBot.Skills.Nlu;
using Microsoft.SemanticKernel;

namespace GovBot.Skills.GridContact;

public sealed class GridContactPlugin
{
    [KernelFunction("grid_contact")]
    [Description("想找自己楼的网格员、联系网格员。The resident wants to know or reach their grid worker.")]
    public IntentProposal GridContact() => IntentProposal.Of(Intents.GridContact);
}
