using System.ComponentModel;
using GovBot.Skills.Ai;
using GovBot.Skills.Nlu;
using Microsoft.SemanticKernel;

namespace GovBot.Skills.CheckIns;

/// <summary>双报到 as the model sees it; <see cref="CheckInSkill"/> asks for the rest and confirms.</summary>
public sealed class CheckInPlugin
{
    [KernelFunction("check_in")]
    [Description("党员到居住地社区报到（双报到）。A party member checks in with the community where they live.")]
    public IntentProposal CheckIn(
        [Description("社区名称，必须是县里的社区之一。Community name.")] string? community = null,
        [Description("小区名称，必须是县里的小区之一。Compound name.")] string? compound = null,
        [Description("楼号，只写数字。Building number, digits only.")] string? building = null,
        [Description("单元号，只写数字。Unit number, digits only.")] string? unit = null,
        [Description("房号，只写数字，如 301。Room number, digits only.")] string? room = null) =>
        IntentProposal.Of(Intents.CheckIn)
            .With(Entities.Community, community)
            .With(Entities.Compound, compound)
            .With(Entities.Building, building)
            .With(Entities.Unit, unit)
            .With(Entities.Room, room);
}
