namespace GovBot.Data.Reports;

public static class ReportLimits
{
    /// <summary>
    /// A resident's description is kept whole: a long, careful account is the most useful kind. The bound only keeps a
    /// pasted document from filling the store; WeCom's own inbound texts stay far below it.
    /// </summary>
    public const int MaxDescription = 10_000;
}
