namespace GovBot.Host.WeCom.Outbox;

/// <summary>
/// A row's progress lives in <c>WeComMsgId</c>: one '|'-separated entry per batch already done, in
/// batch order, so a retry resumes at the first batch not yet sent and never sends one twice.
/// </summary>
internal static class OutboxProgress
{
    /// <summary>The entry for a batch WeCom refused for its recipients; it is done, nobody got it.</summary>
    public const string RefusedBatch = "-";

    /// <summary>The entry for a batch WeCom accepted without naming a msgid.</summary>
    public const string UnknownMsgId = "?";

    public static int BatchesDone(string? weComMsgIds) =>
        string.IsNullOrEmpty(weComMsgIds) ? 0 : weComMsgIds.Split('|').Length;

    public static string Append(string? weComMsgIds, string? entry)
    {
        var e = string.IsNullOrEmpty(entry) ? UnknownMsgId : entry;
        return string.IsNullOrEmpty(weComMsgIds) ? e : $"{weComMsgIds}|{e}";
    }

    public static bool AnyDelivered(string? weComMsgIds) =>
        !string.IsNullOrEmpty(weComMsgIds) && weComMsgIds.Split('|').Any(e => e != RefusedBatch);
}
