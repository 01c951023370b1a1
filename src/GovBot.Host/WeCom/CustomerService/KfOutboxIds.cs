using System.Globalization;

namespace GovBot.Host.WeCom.CustomerService;

/// <summary>
/// The msgid the outbox gives each kf/send_msg ("govbot-{row}-{piece}"): WeCom refuses a msgid used before, so a send
/// repeated after a crash is not delivered twice, and msg_send_fail names the row it failed.
/// </summary>
public static class KfOutboxIds
{
    private const string Prefix = "govbot-";

    public static string For(long rowId, int piece) => string.Create(CultureInfo.InvariantCulture, $"{Prefix}{rowId}-{piece}");

    public static long? RowOf(string? msgId)
    {
        if (msgId is null || !msgId.StartsWith(Prefix, StringComparison.Ordinal)) return null;
        var rest = msgId[Prefix.Length..];
        var dash = rest.IndexOf('-', StringComparison.Ordinal);
        return long.TryParse(dash < 0 ? rest : rest[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
    }
}
