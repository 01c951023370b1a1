using GovBot.Skills.Nlu;
using GovBot.TestSupport;

namespace GovBot.Skills.Tests.Nlu;

public sealed class EntityExtractionTests
{
    private static IReadOnlyList<EntityMatch> Parse(string text) => NluTestSupport.Router.Parse(text).Entities;

    /// <summary>Asserts an entity with this value whose span covers exactly <paramref name="span"/> in the text.</summary>
    private static EntityMatch AssertEntity(string text, string entity, string value, string span)
    {
        var entities = Parse(text);
        var match = entities.FirstOrDefault(e => e.Entity == entity && e.Value == value);
        Assert.True(match is not null,
            $"no {entity}={value} in '{text}'; got [{string.Join(", ", entities.Select(e => $"{e.Entity}={e.Value}@{e.Start}-{e.End}"))}]");
        Assert.Equal(span, text[match.Start..match.End]);
        Assert.Equal(text.IndexOf(span, StringComparison.Ordinal), match.Start);
        return match;
    }

    private static void AssertNo(string text, string entity)
    {
        var found = Parse(text).Where(e => e.Entity == entity).ToList();
        Assert.True(found.Count == 0, $"unexpected {entity} in '{text}': {string.Join(", ", found.Select(e => $"{e.Value}@{text[e.Start..e.End]}"))}");
    }

    [Theory]
    [InlineData("3号楼楼道堆满杂物", "3", "3号楼")]
    [InlineData("三号楼有人乱停车", "3", "三号楼")]
    [InlineData("住3栋", "3", "3栋")]
    [InlineData("5幢门口", "5", "5幢")]
    [InlineData("十二号楼漏水", "12", "十二号楼")]
    [InlineData("二十三号楼", "23", "二十三号楼")]
    [InlineData("8#楼停电", "8", "8#楼")]
    [InlineData("１５号楼", "15", "１５号楼")]
    [InlineData("第6栋楼", "6", "第6栋楼")]
    public void Buildings(string text, string value, string span) => AssertEntity(text, Entities.Building, value, span);

    [Theory]
    [InlineData("我住3楼")]          // third floor, not building 3
    [InlineData("这一栋楼都停电了")] // a count, not a number
    [InlineData("楼道里堆满了杂物")]
    public void Not_buildings(string text) => AssertNo(text, Entities.Building);

    [Theory]
    [InlineData("2单元", Entities.Unit, "2", "2单元")]
    [InlineData("三单元门口", Entities.Unit, "3", "三单元")]
    [InlineData("3号楼2单元301室", Entities.Room, "301", "301")]
    [InlineData("3号楼2单元301", Entities.Room, "301", "301")]
    [InlineData("2单元 1502 楼上漏水", Entities.Room, "1502", "1502")]
    [InlineData("我家是502室", Entities.Room, "502", "502")]
    [InlineData("5号楼1201", Entities.Room, "1201", "1201")]
    public void Units_and_rooms(string text, string entity, string value, string span) => AssertEntity(text, entity, value, span);

    [Fact]
    public void Building_unit_room_in_dashed_form()
    {
        const string text = "地址3-2-301";
        AssertEntity(text, Entities.Building, "3", "3");
        AssertEntity(text, Entities.Unit, "2", "2");
        AssertEntity(text, Entities.Room, "301", "301");
    }

    [Fact]
    public void Whole_address_has_three_spans_in_order()
    {
        var entities = Parse("世纪花园3号楼2单元301室的暖气不热");
        Assert.Equal(
            [(Entities.Compound, "世纪花园", 0, 4), (Entities.Building, "3", 4, 7), (Entities.Unit, "2", 7, 10), (Entities.Room, "301", 10, 13), (Entities.Category, "设施损坏", 15, 19)],
            entities.Select(e => (e.Entity, e.Value, e.Start, e.End)).ToArray());
    }

    [Theory]
    [InlineData("我电话13812345678", "13812345678", "13812345678")]
    [InlineData("打138 1234 5678找我", "13812345678", "138 1234 5678")]
    [InlineData("电话：139-0355-1234", "13903551234", "139-0355-1234")]
    [InlineData("+86 15935512345", "15935512345", "15935512345")]
    [InlineData("１８６３５５１２３４５", "18635512345", "１８６３５５１２３４５")]
    public void Phones(string text, string value, string span) => AssertEntity(text, Entities.Phone, value, span);

    [Theory]
    [InlineData("12345678901")]   // 12x is no mobile prefix
    [InlineData("138123456789")]  // twelve digits
    [InlineData("0355-1234567")]  // landline
    public void Not_phones(string text) => AssertNo(text, Entities.Phone);

    [Theory]
    [InlineData("A1234到哪一步了", "A1234", "A1234")]
    [InlineData("单号b20391", "B20391", "b20391")]
    [InlineData("查一下Ｃ１２３４５", "C12345", "Ｃ１２３４５")]
    public void Tickets(string text, string value, string span) => AssertEntity(text, Entities.Ticket, value, span);

    [Theory]
    [InlineData("A123")]
    [InlineData("AB12345")]
    [InlineData("A1234567")]
    public void Not_tickets(string text) => AssertNo(text, Entities.Ticket);

    [Theory]
    [InlineData("有人从窗户拉电线给电动车充电", "飞线充电", "从窗户拉电线")]
    [InlineData("楼道私拉电线", "飞线充电", "私拉电线")]
    [InlineData("有人在小区里乱停车", "乱停乱放", "乱停车")]
    [InlineData("又被占车位了", "乱停乱放", "占车位")]
    [InlineData("消防通道被堵", "消防通道", "消防通道")]
    [InlineData("楼道里堆满了杂物", "消防通道", "堆满")]
    [InlineData("垃圾没人收", "环境卫生", "垃圾没人收")]
    [InlineData("路灯坏了好几天了", "设施损坏", "路灯坏了")]
    [InlineData("楼上天天半夜吵", "噪音扰民", "吵")]
    [InlineData("广场舞太响", "噪音扰民", "广场舞太响")]
    [InlineData("两家人吵架了", "邻里纠纷", "吵架")]
    [InlineData("院里有人私搭", "违章搭建", "私搭")]
    [InlineData("井盖没了", "安全隐患", "井盖")]
    public void Categories(string text, string value, string span) => AssertEntity(text, Entities.Category, value, span);

    [Theory]
    [InlineData("还有其他的吗")]
    [InlineData("查积分")]
    public void Not_categories(string text) => AssertNo(text, Entities.Category);

    [Theory]
    [InlineData("想剪头发", "理发", "剪头发")]
    [InlineData("去剃头", "理发", "剃头")]
    [InlineData("明儿想剪个头", "理发", "剪个头")]
    [InlineData("礼拜六推个头去", "理发", "推个头")]
    [InlineData("该理理发了", "理发", "理理发")]
    [InlineData("预约理发", "理发", "理发")]
    [InlineData("量血压", "义诊", "量血压")]
    [InlineData("周六有义诊吗", "义诊", "义诊")]
    [InlineData("有修车的吗", "车辆检修", "修车")]
    [InlineData("能检查下电动车吗", "车辆检修", "电动车")] // no service word: the booking names the thing
    public void Services(string text, string value, string span) => AssertEntity(text, Entities.Service, value, span);

    [Fact]
    public void Electric_bike_in_a_report_is_no_service()
    {
        var r = NluTestSupport.Router.Parse("有人拉电线给电动车充电");
        Assert.Equal(Intents.ReportProblem, r.Intent.Name);
        Assert.DoesNotContain(r.Entities, e => e.Entity == Entities.Service);
    }

    [Theory]
    [InlineData("清华苑一期3号楼", Entities.Compound, "清华苑一期", "清华苑一期")]
    [InlineData("清华苑有人乱停车", Entities.Compound, "清华苑一期", "清华苑")]
    [InlineData("中隐澜湾小区门口", Entities.Compound, "中隐澜湾", "中隐澜湾小区")]
    [InlineData("古韩明珠5号楼", Entities.Compound, "古韩明珠小区", "古韩明珠")]
    [InlineData("永安小区停水", Entities.Compound, "永安小区", "永安小区")]
    [InlineData("永安社区电话", Entities.Community, "永安社区", "永安社区")]
    [InlineData("我在清泉湖这边", Entities.Community, "清泉湖社区", "清泉湖")]
    [InlineData("世纪家园", Entities.Compound, "世纪家园", "世纪家园")]
    [InlineData("世纪花园的物业", Entities.Compound, "世纪花园", "世纪花园")]
    public void Places(string text, string entity, string value, string span) => AssertEntity(text, entity, value, span);

    [Theory]
    [InlineData("世纪那边")]   // 世纪花园 or 世纪家园: ambiguous, so neither
    [InlineData("做外贸的")]   // a two-character cut name is too weak
    public void Ambiguous_or_short_partial_names_are_not_places(string text)
    {
        AssertNo(text, Entities.Compound);
        AssertNo(text, Entities.Community);
    }

    [Fact]
    public void Gazetteer_changes_are_picked_up()
    {
        var compounds = new List<GazetteerEntry>(InMemoryGazetteer.DemoCompounds);
        var gazetteer = new SwappableGazetteer { Compounds = compounds };
        var router = new RuleIntentRouter(gazetteer, new FixedTimeProvider(NluTestSupport.MondayMorning));
        Assert.DoesNotContain(router.Parse("阳光小区停电了").Entities, e => e.Entity == Entities.Compound);

        gazetteer.Compounds = [.. compounds, new GazetteerEntry("阳光小区", ["阳光"])];
        var e = Assert.Single(router.Parse("阳光小区停电了").Entities, x => x.Entity == Entities.Compound);
        Assert.Equal(("阳光小区", 0, 4), (e.Value, e.Start, e.End));
    }

    [Theory]
    [InlineData("2", "2")]
    [InlineData("第三个", "3")]
    [InlineData("二", "2")]
    public void Bare_numbers(string text, string value) => Assert.Equal(value, NluTestSupport.Router.Parse(text).Find(Entities.Number));

    [Fact]
    public void Numbers_inside_sentences_are_not_bare_numbers() => AssertNo("3号楼有2个人吵架", Entities.Number);

    [Fact]
    public void Spans_never_overlap_and_are_sorted()
    {
        foreach (var text in new[] { "明天下午3点到清华苑一期3号楼2单元301室理发，电话13812345678", "A1234 3-2-301 周六 上午" })
        {
            var entities = Parse(text);
            for (var i = 1; i < entities.Count; i++)
            {
                Assert.True(entities[i - 1].End <= entities[i].Start, $"overlap in '{text}'");
            }

            Assert.All(entities, e => Assert.InRange(e.Start, 0, e.End - 1));
            Assert.All(entities, e => Assert.InRange(e.End, 1, text.Length));
        }
    }

    private sealed class SwappableGazetteer : IGazetteer
    {
        public IReadOnlyList<GazetteerEntry> Compounds { get; set; } = [];
        public IReadOnlyList<GazetteerEntry> Communities => InMemoryGazetteer.DemoCommunities;
        public IReadOnlyList<GazetteerEntry> ReportCategories => DefaultCategories.ReportCategories;
        public IReadOnlyList<GazetteerEntry> Services => DefaultCategories.Services;
    }
}
