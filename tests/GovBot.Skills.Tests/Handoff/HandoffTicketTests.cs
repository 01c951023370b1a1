using GovBot.Skills.Handoff;

namespace GovBot.Skills.Tests.Handoff;

public sealed class HandoffTicketTests
{
    [Fact]
    public void A_ticket_survives_its_button_key_and_names_its_answerer()
    {
        var ticket = new HandoffTicket(12, 1_740_000_000_123);

        Assert.Equal(ticket, HandoffTicket.Parse(ticket.Action));
        Assert.Equal(7, ticket.AnswererIn(ticket.AnswerKey(7)));
        Assert.Null(ticket.AnswererIn(ticket.CardKey));
        Assert.Null(new HandoffTicket(1, ticket.Stamp).AnswererIn(ticket.AnswerKey(7)));
        Assert.Matches("^[A-Za-z0-9_@-]+$", ticket.TaskId);
    }

    [Theory]
    [InlineData("")]
    [InlineData("reply:12")]
    [InlineData("reply:x:1")]
    [InlineData("reply:12:-5")]
    [InlineData("accept:12:5")]
    public void A_broken_key_is_no_ticket(string action) => Assert.Null(HandoffTicket.Parse(action));

    [Fact]
    public void A_resident_prefix_does_not_cover_another_resident_whose_id_starts_the_same()
    {
        var one = new HandoffTicket(12, 5);
        Assert.StartsWith(HandoffTicket.ResidentPrefix(12), one.CardKey);
        Assert.False(new HandoffTicket(123, 5).CardKey.StartsWith(HandoffTicket.ResidentPrefix(12), StringComparison.Ordinal));
    }
}
