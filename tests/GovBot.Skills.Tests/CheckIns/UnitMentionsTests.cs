using GovBot.Data.People;
using GovBot.Skills.CheckIns;

namespace GovBot.Skills.Tests.CheckIns;

/// <summary>What a first message or a correction at the summary says about the unit, the kind, the name and the phone.</summary>
public sealed class UnitMentionsTests
{
    private static readonly CountyName[] Counties = [new(1, "清徐县"), new(2, "襄垣县")];

    private static string? Unit(string sentence) =>
        UnitMentions.Find(sentence, UnitNames.Default, Counties) is { } words ? UnitNames.Default.Clean(words) : null;

    [Theory]
    [InlineData("我是在职党员 在县卫健局上班 来报个到", "县卫健局")]
    [InlineData("我在交通局工作，来报到", "交通局")]
    [InlineData("现在在清徐县人社局上班", "清徐县人社局")]
    [InlineData("单位是县住建局，想报到", "县住建局")]
    [InlineData("我是县医院的，来报个到", "县医院")]
    [InlineData("交通局的党员来报到", "交通局")]
    [InlineData("我在县城管局，报到", "县城管局")]
    [InlineData("就职于清徐县第二中学", "清徐县第二中学")]
    public void The_unit_is_found_in_a_sentence(string sentence, string unit) => Assert.Equal(unit, Unit(sentence));

    [Theory]
    [InlineData("我要报到")]
    [InlineData("我是在职党员，来报到")]
    [InlineData("退休党员报到")]
    [InlineData("我住在清华苑3号楼，报个到")]
    [InlineData("我是清华苑的，来报到")]
    [InlineData("我是退休的")]
    public void Sentences_without_a_unit_give_none(string sentence) => Assert.Null(Unit(sentence));

    [Theory]
    [InlineData("不对 单位是住建局", "住建局")]
    [InlineData("不对，是住建局", "住建局")]
    [InlineData("错了，应该是县医院", "县医院")]
    [InlineData("改成人社局", "人社局")]
    public void A_correction_names_the_unit(string text, string unit) =>
        Assert.Equal(unit, UnitMentions.Correction(text, UnitNames.Default, Counties) is { } w ? UnitNames.Default.Clean(w) : null);

    [Theory]
    [InlineData("是")]
    [InlineData("不对")]
    [InlineData("改")]
    [InlineData("不对，是5号楼")]
    [InlineData("不对，是2单元402")]
    [InlineData("工作单位")]
    [InlineData("单位党组织")]
    [InlineData("手机")]
    public void Confirmations_and_other_corrections_name_no_unit(string text) =>
        Assert.Null(UnitMentions.Correction(text, UnitNames.Default, Counties));

    [Theory]
    [InlineData("我是在职党员 在县卫健局上班 来报个到", PartyMemberKind.InService)]
    [InlineData("退休党员报到", PartyMemberKind.Retired)]
    [InlineData("我是流动党员，报个到", PartyMemberKind.Mobile)]
    [InlineData("我在交通局上班，报到", PartyMemberKind.InService)]
    [InlineData("我要报到", null)]
    [InlineData("我从外地搬来的，来报到", null)]
    public void The_kind_is_read_only_from_plain_words(string sentence, PartyMemberKind? kind) =>
        Assert.Equal(kind, CheckInWording.KindInSentence(sentence));

    [Theory]
    [InlineData("我叫王小明，在交通局上班", "王小明")]
    [InlineData("我叫李明在人社局上班", "李明")]
    [InlineData("报到，名字是欧阳春花", "欧阳春花")]
    [InlineData("我要报到", null)]
    public void A_name_is_read_after_我叫(string sentence, string? name) => Assert.Equal(name, CheckInWording.NameInSentence(sentence));

    [Theory]
    [InlineData("我来报到，手机13912345678", "13912345678")]
    [InlineData("电话 139 1234 5678 报到", "13912345678")]
    [InlineData("我住3号楼201，报到", null)]
    public void A_phone_is_read_anywhere_in_the_message(string sentence, string? phone) =>
        Assert.Equal(phone, CheckInWording.PhoneInSentence(sentence));
}
