using GovBot.Skills.Ai;
using GovBot.Skills.Nlu;

namespace GovBot.Skills.Tests.Ai;

/// <summary>A model's slots count only when the store knows them, in the same words the rules use.</summary>
public sealed class ProposalValidatorTests
{
    private static readonly InMemoryGazetteer Gazetteer = new();
    private readonly ProposalValidator _validator = new(Gazetteer, new RuleIntentRouter(Gazetteer));

    [Fact]
    public void Aliases_and_building_words_become_the_names_the_skills_read()
    {
        var valid = _validator.Validate(IntentProposal.Of(Intents.ReportProblem)
            .With(Entities.Compound, "清华苑").With(Entities.Building, "3号楼").With(Entities.Category, "飞线充电"));

        Assert.NotNull(valid);
        Assert.Equal("清华苑一期", valid.Slots[Entities.Compound]);
        Assert.Equal("3", valid.Slots[Entities.Building]);
        Assert.Equal("飞线充电", valid.Slots[Entities.Category]);
    }

    [Theory]
    [InlineData(Entities.Category, "外星人入侵")]
    [InlineData(Entities.Compound, "白宫")]
    [InlineData(Entities.Building, "三号楼和五号楼")]
    [InlineData(Entities.Ticket, "DROP TABLE")]
    [InlineData("password", "123")]
    public void One_unknown_value_rejects_the_whole_proposal(string entity, string value)
    {
        var proposal = IntentProposal.Of(Intents.ReportProblem).With(Entities.Building, "3").With(entity, value);

        Assert.Null(_validator.Validate(proposal));
    }

    [Fact]
    public void An_intent_the_bot_does_not_have_is_rejected() =>
        Assert.Null(_validator.Validate(IntentProposal.Of("delete_all_reports")));

    [Fact]
    public void Empty_slots_are_left_out_rather_than_filled_with_nothing()
    {
        var proposal = IntentProposal.Of(Intents.MyRequests).With(Entities.Ticket, "  ");

        Assert.Empty(proposal.Slots);
    }
}
