using GovBot.Skills.Conversation.Forms;
using GovBot.Data.People;
using GovBot.Skills.CheckIns;
using GovBot.Skills.Spreadsheets;

namespace GovBot.Skills.Tests.CheckIns;

public sealed class CheckInWordingTests
{
    [Theory]
    [InlineData("13803510006", "13803510006")]
    [InlineData("138 0351 0006", "13803510006")]
    [InlineData("138-0351-0006", "13803510006")]
    [InlineData("+86 138 0351 0006", "13803510006")]
    [InlineData("１３８０３５１０００６", "13803510006")]
    [InlineData("1380351000", null)]
    [InlineData("12803510006", null)]
    [InlineData("0351-5720101", null)]
    public void Phones_are_eleven_digit_mainland_mobiles(string typed, string? expected) =>
        Assert.Equal(expected, CheckInWording.NormalizePhone(typed));

    [Fact]
    public void Phones_are_shown_masked() => Assert.Equal("138****0006", CheckInWording.MaskPhone("13803510006"));

    [Theory]
    [InlineData("在职", PartyMemberKind.InService)]
    [InlineData("我还在上班", PartyMemberKind.InService)]
    [InlineData("退休党员", PartyMemberKind.Retired)]
    [InlineData("流动党员", PartyMemberKind.Mobile)]
    public void Kinds_are_read_from_everyday_words(string text, PartyMemberKind kind) => Assert.Equal(kind, CheckInWording.ParseKind(text));

    private static readonly string[] Services = ["环境整治", "法律宣传", "爱心帮扶", "医疗义诊", "理发", "维修"];

    [Theory]
    [InlineData("1 3", new[] { 0, 2 })]
    [InlineData("1、3、5", new[] { 0, 2, 4 })]
    [InlineData("135", new[] { 0, 2, 4 })]
    [InlineData("理发和维修", new[] { 4, 5 })]
    [InlineData("理发维修", new[] { 4, 5 })]
    [InlineData("法律宣转", new[] { 1 })]
    [InlineData("都可以", new[] { 0, 1, 2, 3, 4, 5 })]
    public void Several_services_are_picked_at_once(string answer, int[] expected) =>
        Assert.Equal(expected, MultiChoice.Match(answer, Services));

    [Theory]
    [InlineData("唱歌")]
    [InlineData("9")]
    public void Unknown_picks_are_not_understood(string answer) => Assert.Null(MultiChoice.Match(answer, Services));

    [Fact]
    public void Csv_quotes_what_needs_it_and_reads_it_back()
    {
        var line = Csv.Line(["a,b", "say \"hi\"", "=SUM(A1)", "平常"]);
        Assert.Equal("\"a,b\",\"say \"\"hi\"\"\",'=SUM(A1),平常\r\n", line);
        var rows = Csv.Parse("\uFEFF" + line + "x,\"two\nlines\"\r\n");
        Assert.Equal(["a,b", "say \"hi\"", "=SUM(A1)", "平常"], rows[0].Fields);
        Assert.Equal(["x", "two\nlines"], rows[1].Fields);
        Assert.Equal(2, rows[1].Line);
    }

    [Theory]
    [InlineData("-3", "-3")]
    [InlineData("-1.5", "-1.5")]
    [InlineData("-1+1", "'-1+1")]
    [InlineData("+86", "'+86")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("-", "'-")]
    public void Csv_defuses_formulas_but_keeps_negative_numbers(string cell, string written) =>
        Assert.Equal(written + "\r\n", Csv.Line([cell]));

    [Theory]
    [InlineData("单位报到")]
    [InlineData("注册单位")]
    [InlineData("我们单位要来社区结对共建报到")]
    [InlineData("单位党支部来报到找谁")]
    public void Unit_messages_go_to_the_unit_dialog(string text) => Assert.True(WorkUnitSkill.IsAbout(text));

    [Theory]
    [InlineData("我要报到")]
    [InlineData("我在县交通局上班 是党员 要报到")]
    public void Member_messages_stay_with_the_member_dialog(string text) => Assert.False(WorkUnitSkill.IsAbout(text));
}
