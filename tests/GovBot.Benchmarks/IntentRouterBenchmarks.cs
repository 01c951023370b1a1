using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using GovBot.Skills.Nlu;
using GovBot.Skills.Nlu.Classifier;

namespace GovBot.Benchmarks;

/// <summary>
/// One parse of the router the bot uses without a model (certain rules, entities, the trained classifier), over
/// messages of every kind and length; the classifier is trained once in the global setup. The figure that matters is
/// the p99 of one parse, which must stay under 1 ms: every message of every resident goes through it. Each iteration
/// is a single parse (invocation count 1), so the percentiles are those of single parses, timer cost included.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(SingleParseConfig))]
public class IntentRouterBenchmarks
{
    private IntentRouter _router = null!;

    [ParamsSource(nameof(Messages))]
    public string Message { get; set; } = "";

    public static IEnumerable<string> Messages =>
    [
        "菜单",
        "查进度 S1001",
        "俺们楼下那个井盖翘起来了 昨天黑夜差点把人绊倒",
        "您好，本人系清华苑一期3号楼2单元住户，近一个月来楼上住户每晚11点后仍有较大噪音，严重影响休息，特此反映，望予以协调处理。",
        "礼拜六上午能剪个头不",
        "我报的那个路灯修了没",
    ];

    [GlobalSetup]
    public void Setup()
    {
        var gazetteer = new InMemoryGazetteer();
        _router = new IntentRouter(new RuleIntentRouter(gazetteer), IntentClassifier.Default, gazetteer);
        _router.Parse("你好");
    }

    [Benchmark]
    public NluResult Parse() => _router.Parse(Message);
}

/// <summary>Single parses as iterations, with the 95th and 99th percentiles and the slowest shown.</summary>
public sealed class SingleParseConfig : ManualConfig
{
    public SingleParseConfig()
    {
        // In process: the trained classifier is the one under test, and a busy machine need not build a second copy.
        AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance)
            .WithInvocationCount(1).WithUnrollFactor(1).WithWarmupCount(200).WithIterationCount(3000));
        AddColumn(StatisticColumn.Median, StatisticColumn.P95, new PercentileColumn(99), StatisticColumn.Max);
    }
}

/// <summary>A percentile BenchmarkDotNet does not show by itself.</summary>
public sealed class PercentileColumn(int percentile) : IColumn
{
    public string Id => "P" + percentile;
    public string ColumnName => "P" + percentile;
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Statistics;
    public int PriorityInCategory => percentile;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => $"{percentile}th percentile of single parses";
    public bool IsAvailable(Summary summary) => true;
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var statistics = summary[benchmarkCase]?.ResultStatistics;
        if (statistics is null) return "NA";
        var nanoseconds = statistics.Percentiles.Percentile(percentile);
        return $"{nanoseconds / 1000:N1} μs";
    }
}
