using System.Globalization;

namespace GovBot.Host.Structure;

/// <summary>
/// A made-up county at 襄垣 size (scale 1.0: 9 communities, 190 grids and 760 micro-grids, 156 compounds, 1,500
/// buildings, 226 grid workers, 90 work units, 40,000 residents) with plausible Chinese names, the same every time
/// for the same scale and seed: for measuring preview and apply, and for tests at a small scale. Every row is valid.
/// </summary>
public sealed class CountyWorkbookGenerator(double scale = 1.0, int seed = 20261204)
{
    private Random _random = new(seed);

    private static readonly string[] CommunityNames = ["古韵", "西关", "东关", "北关", "南关", "太行", "紫东", "上党", "文化", "永丰", "城东", "城西"];
    private static readonly string[] CompoundFronts = ["锦绣", "阳光", "幸福", "和谐", "康乐", "翠苑", "金地", "紫荆", "御景", "华府", "滨河", "书香", "文苑", "盛世", "龙城", "瑞祥", "兴隆", "朝阳", "新华", "丽景"];
    private static readonly string[] CompoundEnds = ["花园", "家园", "小区", "苑", "新村", "佳苑", "名居", "公寓"];
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "郭", "马", "牛", "韩", "武", "段", "贾", "申", "秦", "郝"];
    private static readonly string[] GivenChars = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀", "霞", "平", "刚", "桂", "英", "华", "建", "国", "红", "玉", "兰", "志"];
    private static readonly string[] Agencies = ["交通运输局", "财政局", "教育局", "卫生健康局", "自然资源局", "住房和城乡建设局", "市场监督管理局", "人力资源和社会保障局", "农业农村局", "文化和旅游局", "民政局", "司法局", "审计局", "统计局", "应急管理局"];

    private int N(int full) => Math.Max(1, (int)Math.Round(full * scale));

    public IReadOnlyDictionary<string, IEnumerable<IReadOnlyList<string>>> Rows()
    {
        // Every call gives the same county: the names and numbers start from the seed again.
        _random = new Random(seed);
        var communities = N(9);
        var grids = N(190);
        var microGrids = N(760);
        var compounds = N(156);
        var buildings = N(1500);
        var workers = N(226);
        var managers = N(40);
        var units = N(90);
        var residents = N(40_000);
        var sheets = new Dictionary<string, List<IReadOnlyList<string>>>();
        List<IReadOnlyList<string>> Sheet(string name) => sheets.TryGetValue(name, out var s) ? s : sheets[name] = [];

        string Sq(int i) => $"XY-SQ{i + 1:00}";
        string Wg(int i) => $"XY-WG{i + 1:000}";
        string Wwg(int i) => $"XY-WWG{i + 1:0000}";
        string Xq(int i) => $"XY-XQ{i + 1:000}";
        string Wy(int i) => $"XY-WY{i + 1:00}";
        string CommunityName(int i) => CommunityNames[i % CommunityNames.Length] + (i >= CommunityNames.Length ? $"{i / CommunityNames.Length + 1}" : "") + "社区";

        for (var c = 0; c < communities; c++)
            Sheet(CountySheets.Communities).Add([Sq(c), CommunityName(c), "襄垣县", c % 2 == 0 ? "古韵街道" : "古北街道", $"襄垣县{CommunityName(c)}办公楼", Landline(), ""]);
        var gridCommunity = new int[grids];
        for (var g = 0; g < grids; g++)
        {
            gridCommunity[g] = g % communities;
            Sheet(CountySheets.Grids).Add([Wg(g), $"{CommunityName(g % communities)}第{g / communities + 1}网格", Sq(g % communities), "", ""]);
        }
        // Micro-grids per community, so that a building gets one of its own community's.
        var microByCommunity = Enumerable.Range(0, communities).Select(_ => new List<int>()).ToArray();
        var microGridOf = new int[microGrids];
        for (var m = 0; m < microGrids; m++)
        {
            var g = m % grids;
            microGridOf[m] = g;
            microByCommunity[gridCommunity[g]].Add(m);
        }
        for (var p = 0; p < managers; p++)
            Sheet(CountySheets.PropertyManagers).Add([Wy(p), $"襄垣县{CompoundFronts[p % CompoundFronts.Length]}物业服务有限公司{(p >= CompoundFronts.Length ? (p / CompoundFronts.Length + 1).ToString(CultureInfo.InvariantCulture) : "")}", Landline()]);
        var compoundCommunity = new int[compounds];
        for (var x = 0; x < compounds; x++)
        {
            compoundCommunity[x] = x % communities;
            var front = CompoundFronts[x % CompoundFronts.Length];
            var end = CompoundEnds[x / CompoundFronts.Length % CompoundEnds.Length];
            var phase = x >= CompoundFronts.Length * CompoundEnds.Length ? $"{x / (CompoundFronts.Length * CompoundEnds.Length) + 1}期" : "";
            Sheet(CountySheets.Compounds).Add([Xq(x), front + end + phase, Sq(x % communities), x % 3 == 0 ? front + "小区" + phase : "", Wy(x % managers)]);
        }
        // Buildings spread over the compounds, each in a micro-grid of its compound's community.
        var buildingAt = new (int Compound, int Number, int Units)[buildings];
        var numberInCompound = new int[compounds];
        var microTurn = new int[communities];
        var leadBuilding = new Dictionary<int, int>();
        for (var b = 0; b < buildings; b++)
        {
            var x = b % compounds;
            var number = ++numberInCompound[x];
            var pool = microByCommunity[compoundCommunity[x]];
            var m = pool.Count == 0 ? (int?)null : pool[microTurn[compoundCommunity[x]]++ % pool.Count];
            var unitCount = 1 + _random.Next(4);
            buildingAt[b] = (x, number, unitCount);
            if (m is { } mm) leadBuilding.TryAdd(mm, b);
            Sheet(CountySheets.Buildings).Add([Xq(x), number.ToString(CultureInfo.InvariantCulture), $"{number}号楼", unitCount.ToString(CultureInfo.InvariantCulture), m is { } some ? Wwg(some) : ""]);
        }
        // Residents live in buildings in turn, so a micro-grid's lead is the first resident of one of its buildings.
        var firstResidentOf = new Dictionary<int, string>();
        for (var i = 0; i < residents; i++)
        {
            var b = i % buildings;
            var (x, number, unitCount) = buildingAt[b];
            var id = $"xy-jm{i + 1:00000}";
            firstResidentOf.TryAdd(b, id);
            var floor = 1 + i / buildings % 6;
            Sheet(CountySheets.Residents).Add([id, Person(), Mobile(), Xq(x), number.ToString(CultureInfo.InvariantCulture),
                (1 + i / buildings % unitCount).ToString(CultureInfo.InvariantCulture), $"{floor}0{1 + i / (buildings * 6) % 4}"]);
        }
        for (var m = 0; m < microGrids; m++)
        {
            var lead = leadBuilding.TryGetValue(m, out var b) && firstResidentOf.TryGetValue(b, out var id) ? id : "";
            Sheet(CountySheets.MicroGrids).Add([Wwg(m), $"{Sheet(CountySheets.Grids)[microGridOf[m]][1]}第{m / grids + 1}微网格", Wg(microGridOf[m]), lead]);
        }
        for (var w = 0; w < workers; w++)
        {
            var g = w % grids;
            // Every tenth grid worker also covers the next grid of the same community.
            var second = g + communities < grids && w % 10 == 9 ? "、" + Wg(g + communities) : "";
            Sheet(CountySheets.Staff).Add([$"xy-wgy{w + 1:000}", Person(), Mobile(), "网格员", Sq(gridCommunity[g]), Wg(g) + second]);
        }
        for (var c = 0; c < communities; c++)
        {
            Sheet(CountySheets.Staff).Add([$"xy-sj{c + 1:00}", Person(), Mobile(), "社区书记", Sq(c), ""]);
            for (var k = 0; k < 3; k++) Sheet(CountySheets.Staff).Add([$"xy-sg{c + 1:00}{k + 1}", Person(), Mobile(), "社区工作者", Sq(c), ""]);
            Sheet(CountySheets.Stations).Add([$"XY-ZX{c + 1:00}", $"{CommunityName(c)}党群服务中心", "党群服务中心", Sq(c), "", $"襄垣县{CommunityName(c)}办公楼一层", Landline(), "08:30-17:30", "周一至周五", "办事咨询、图书阅览、法律援助"]);
        }
        for (var s = 0; s < N(30); s++)
        {
            var x = s * 5 % compounds;
            var name = Sheet(CountySheets.Compounds)[x][1];
            Sheet(CountySheets.Stations).Add([$"XY-ZD{s + 1:00}", $"{name}党群服务站", "党群服务站", Sq(compoundCommunity[x]), Xq(x), $"{name}物业楼一层", "", "09:00-18:00", "周一至周六", "议事协商、志愿服务"]);
        }
        for (var s = 0; s < N(10); s++)
            Sheet(CountySheets.Stations).Add([$"XY-YZ{s + 1:00}", $"{CommunityName(s % communities)}暖新驿站{s / communities + 1}号", "暖新驿站", Sq(s % communities), "", $"襄垣县{CommunityName(s % communities)}沿街", "", "07:00-21:00", "每天", "饮水、充电、取暖、休息"]);
        for (var u = 0; u < units; u++)
        {
            var agency = Agencies[u % Agencies.Length] + (u >= Agencies.Length ? $"第{u / Agencies.Length + 1}分局" : "");
            var pairs = u % 3 == 0 ? $"{Xq(u % compounds)}、{Xq((u + 7) % compounds)}" : Xq(u % compounds);
            if (compounds == 1) pairs = Xq(0);
            Sheet(CountySheets.WorkUnits).Add([$"XY-DW{u + 1:00}", "襄垣县" + agency, $"襄垣县{agency}机关党支部", Person(), Mobile(), pairs]);
        }
        return sheets.ToDictionary(s => s.Key, s => (IEnumerable<IReadOnlyList<string>>)s.Value);
    }

    public byte[] Workbook() => CountyWorkbookWriter.Write(Rows());

    private string Person() => Surnames[_random.Next(Surnames.Length)] + GivenChars[_random.Next(GivenChars.Length)]
        + (_random.Next(3) == 0 ? "" : GivenChars[_random.Next(GivenChars.Length)]);

    private string Mobile() => "13" + _random.Next(0, 1_000_000_000).ToString("000000000", CultureInfo.InvariantCulture);

    private string Landline() => "0355-" + _random.Next(7_000_000, 8_000_000).ToString(CultureInfo.InvariantCulture);
}
