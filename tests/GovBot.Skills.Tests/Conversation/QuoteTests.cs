using GovBot.Skills.Conversation;

namespace GovBot.Skills.Tests.Conversation;

public sealed class QuoteTests
{
    [Fact]
    public void Short_words_are_shown_whole()
    {
        Assert.Equal("5号楼门口的路灯坏了", Quote.Short(" 5号楼门口的路灯坏了 "));
    }

    [Fact]
    public void Long_words_show_their_start_and_how_long_the_whole_is()
    {
        var shown = Quote.Short(new string('灯', 5000));

        Assert.Equal(new string('灯', Quote.ShownCharacters) + "…（共5000字）", shown);
    }
}
