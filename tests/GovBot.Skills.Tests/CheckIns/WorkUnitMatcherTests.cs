using System.Text;
using GovBot.Skills.CheckIns;

namespace GovBot.Skills.Tests.CheckIns;

/// <summary>Units typed the way members type them, against a store of two counties' units.</summary>
public sealed class WorkUnitMatcherTests
{
    private const int Qingxu = 1, Xiangyuan = 2;

    private static readonly CountyName[] Counties = [new(Qingxu, "清徐县"), new(Xiangyuan, "襄垣县")];

    private static readonly WorkUnitMatcher Store = new(
    [
        new KnownUnit(1, "清徐县交通运输局", Qingxu),
        new KnownUnit(2, "清徐县司法局", Qingxu),
        new KnownUnit(3, "清徐县卫生健康局", null),
        new KnownUnit(4, "襄垣县交通运输局", Xiangyuan),
        new KnownUnit(5, "清徐县住房和城乡建设局", null),
        new KnownUnit(6, "清徐县人民医院", null),
        new KnownUnit(7, "清徐县中医院", null),
        new KnownUnit(8, "襄垣县人民医院", null),
        new KnownUnit(9, "中共清徐县委组织部", null),
        new KnownUnit(10, "清徐县清源镇人民政府", null),
        new KnownUnit(11, "国网清徐县供电公司", null),
        new KnownUnit(12, "清徐县人力资源和社会保障局", null),
        new KnownUnit(13, "襄垣县市场监督管理局", null),
        new KnownUnit(14, "清徐县第二中学", null),
    ], Counties);

    [Theory]
    [InlineData("清徐县卫生健康局", 3)]
    [InlineData("卫健局", 3)]
    [InlineData("县卫健局", 3)]
    [InlineData("我在县卫健局上班", 3)]
    [InlineData("我在清徐县卫健委工作", 3)]
    [InlineData("单位是卫生局", 3)]
    [InlineData("我是县卫健局的", 3)]
    [InlineData("卫健局那个", 3)]
    [InlineData("  县 卫健局。 ", 3)]
    [InlineData("您好，我在咱县卫健局上班，谢谢", 3)]
    [InlineData("交通局", 1)]
    [InlineData("县交通局的", 1)]
    [InlineData("交通", 1)]
    [InlineData("人社局", 12)]
    [InlineData("在人社局工作", 12)]
    [InlineData("住建局", 5)]
    [InlineData("县住建局上班", 5)]
    [InlineData("县医院", 6)]
    [InlineData("人民医院", 6)]
    [InlineData("中医院", 7)]
    [InlineData("组织部", 9)]
    [InlineData("县委组织部", 9)]
    [InlineData("清徐县委组织部", 9)]
    [InlineData("清源镇政府", 10)]
    [InlineData("供电公司", 11)]
    [InlineData("县供电局", 11)]
    [InlineData("二中", 14)]
    [InlineData("清徐二中", 14)]
    [InlineData("司法", 2)]
    public void Names_and_abbreviations_find_the_unit_of_the_members_county(string typed, int unit) =>
        Assert.Equal(unit, Store.Match(typed, Qingxu)?.Unit?.Id);

    [Theory]
    [InlineData("清徐县交通运愉局", 1)]
    [InlineData("卫健据", 3)]
    [InlineData("清徐县司发局", 2)]
    [InlineData("卫生健康", 3)]
    public void One_character_off_or_part_of_one_name_is_still_certain(string typed, int unit) =>
        Assert.Equal(unit, Store.Match(typed, Qingxu)?.Unit?.Id);

    [Theory]
    [InlineData("交通局", 4)]
    [InlineData("县医院", 8)]
    [InlineData("市监局", 13)]
    [InlineData("我在县市场监管局上班", 13)]
    public void A_member_of_the_other_county_gets_that_countys_unit(string typed, int unit) =>
        Assert.Equal(unit, Store.Match(typed, Xiangyuan)?.Unit?.Id);

    [Fact]
    public void A_county_named_in_the_answer_wins_over_the_members() =>
        Assert.Equal(4, Store.Match("襄垣县交通局", Qingxu)?.Unit?.Id);

    [Fact]
    public void Words_fitting_several_units_offer_them_all_and_nothing_is_certain()
    {
        var match = Store.Match("医院", Qingxu)!;
        Assert.False(match.Certain);
        Assert.Equal([6, 7], match.Options.Select(o => o.Id).Order());
    }

    [Fact]
    public void A_slip_one_character_from_two_units_offers_both()
    {
        // 卫建局: 卫健局 with the wrong 建, or 住建局 with the wrong 卫.
        var match = Store.Match("卫建局", Qingxu)!;
        Assert.Null(match.Unit);
        Assert.Equal([3, 5], match.Options.Select(o => o.Id).Order());
    }

    [Fact]
    public void Without_a_county_the_same_agency_in_both_counties_is_asked_about()
    {
        var match = Store.Match("交通局", null)!;
        Assert.False(match.Certain);
        Assert.True(match.SameName);
        Assert.Equal([1, 4], match.Options.Select(o => o.Id).Order());
    }

    [Fact]
    public void A_known_agency_not_in_the_store_is_new_under_its_full_name_and_never_bent_onto_another()
    {
        var match = Store.Match("我在县城管局上班", Qingxu)!;
        Assert.Null(match.Unit);
        Assert.Equal("清徐县城市管理局", match.NewName);

        // The other county's 市场监督管理局 is neither taken nor offered.
        var market = Store.Match("市监局", Qingxu)!;
        Assert.Null(market.Unit);
        Assert.Equal("清徐县市场监督管理局", market.NewName);
        Assert.DoesNotContain(market.Options, o => o.Id == 13);
    }

    [Fact]
    public void Unsure_words_offer_the_closest_units_of_the_county()
    {
        var match = Store.Match("卫生系统的", Qingxu)!;
        Assert.Null(match.Unit);
        Assert.Equal(3, match.Options[0].Id);
        Assert.DoesNotContain(match.Options, o => o.Name.StartsWith("襄垣", StringComparison.Ordinal));
        Assert.Equal("卫生系统", match.Typed);
    }

    [Theory]
    [InlineData("县城管局", "清徐县城市管理局")]
    [InlineData("教科局", "清徐县教育科技局")]
    [InlineData("县教育局", "清徐县教育局")]
    [InlineData("发改委", "清徐县发展和改革局")]
    [InlineData("宣传部", "清徐县委宣传部")]
    [InlineData("纪委", "清徐县纪委监委")]
    [InlineData("我在县应急局上班", "清徐县应急管理局")]
    [InlineData("医保局的", "清徐县医疗保障局")]
    [InlineData("县东湖小学", "清徐县东湖小学")]
    [InlineData("东湖小学", "东湖小学")]
    [InlineData("中国移动清徐分公司", "中国移动清徐分公司")]
    [InlineData("县第2中学", "清徐县第2中学")]
    [InlineData("清徐中学", "清徐中学")]
    [InlineData("清徐卫健委", "清徐县卫生健康局")]
    [InlineData("县卫生健康委员会", "清徐县卫生健康委员会")]
    [InlineData("马峪乡政府", "马峪乡人民政府")]
    [InlineData("襄垣县文旅局", "襄垣县文化和旅游局")]
    public void A_new_unit_is_named_in_full_with_the_county_when_it_is_a_county_agency(string typed, string name) =>
        Assert.Equal(name, Store.Match(typed, Qingxu)!.NewName);

    [Theory]
    [InlineData("好的")]
    [InlineData("3")]
    [InlineData("局")]
    [InlineData("我在上班")]
    [InlineData("")]
    [InlineData("不知道")]
    [InlineData("没有单位")]
    [InlineData("我住3号楼")]
    public void Answers_naming_no_unit_are_not_understood(string typed) => Assert.Null(Store.Match(typed, Qingxu));

    [Theory]
    [InlineData("卫健局那个", 3)]
    [InlineData("中医", 7)]
    [InlineData("人民", 6)]
    public void Words_pick_among_the_offered_units(string typed, int unit) =>
        Assert.Equal(unit, Store.Among(typed, [3, 6, 7])?.Id);

    [Fact]
    public void Closest_units_for_staff_come_from_the_members_county() =>
        Assert.Equal(["清徐县卫生健康局"], Store.Closest("清徐县卫生系统", Qingxu).Select(u => u.Name));

    [Fact]
    public void Units_of_a_county_include_those_named_for_it_and_leave_the_other_county_out()
    {
        var names = Store.UnitsOf(Qingxu).Select(u => u.Name).ToList();
        Assert.Contains("清徐县卫生健康局", names);
        Assert.Contains("中共清徐县委组织部", names);
        Assert.DoesNotContain("襄垣县人民医院", names);
        Assert.DoesNotContain("襄垣县交通运输局", names);
    }

    [Fact]
    public void An_alias_given_to_two_units_is_refused_when_the_table_loads()
    {
        const string json = """{ "agencies": [ { "names": ["交通运输局"], "aliases": ["交通局"] }, { "names": ["交警大队"], "aliases": ["交通局"] } ] }""";
        var error = Assert.Throws<InvalidDataException>(() => UnitNames.Load(new MemoryStream(Encoding.UTF8.GetBytes(json))));
        Assert.Contains("交通局", error.Message, StringComparison.Ordinal);
    }
}
