using System.ComponentModel;
using GovBot.Skills.Ai;
using GovBot.Skills.Nlu;
using Microsoft.SemanticKernel;

namespace GovBot.Skills.Reports;

/// <summary>The report skill as the model sees it; <see cref="ReportSkill"/> checks the slots and confirms before saving.</summary>
public sealed class ReportPlugin
{
    [KernelFunction("report_problem")]
    [Description("居民反映小区里的问题（随手拍、投诉、报修），如飞线充电、乱停车、楼道堆物、路灯坏了。A resident reports a problem in the neighbourhood.")]
    public IntentProposal ReportProblem(
        [Description("问题类别，必须是县里的类别之一。Category, one of the county's categories.")] string? category = null,
        [Description("小区名称，必须是县里的小区之一。Compound name, one of the county's compounds.")] string? compound = null,
        [Description("楼号，只写数字，如 3。Building number, digits only.")] string? building = null) =>
        IntentProposal.Of(Intents.ReportProblem)
            .With(Entities.Category, category)
            .With(Entities.Compound, compound)
            .With(Entities.Building, building);
}
