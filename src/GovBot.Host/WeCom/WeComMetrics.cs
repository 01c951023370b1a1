using System.Diagnostics.Metrics;
using GovBot.Host.Telemetry;

namespace GovBot.Host.WeCom;

/// <summary>Meter "GovBot", WeCom's side: callbacks by outcome, API calls by errcode, access token fetches.</summary>
public sealed class WeComMetrics
{
    private readonly Counter<long> _callbacks;
    private readonly Counter<long> _apiCalls;
    private readonly Counter<long> _tokenFetches;

    private readonly GovBot.Host.Staff.SystemTally _tally;

    public WeComMetrics(IMeterFactory meters, GovBot.Host.Staff.SystemTally tally)
    {
        _tally = tally;
        var meter = meters.Create(TelemetryHosting.MeterName);
        _callbacks = meter.CreateCounter<long>("govbot.callbacks", "{callback}",
            "Message callbacks from WeCom by outcome: answered (taken in), duplicate (a repeat delivery), refused (with a reason).");
        _apiCalls = meter.CreateCounter<long>("govbot.wecom.api.calls", "{call}",
            "Calls to WeCom's API by endpoint and errcode (0 is success; -2 means no answer came: network, HTTP error, timeout).");
        _tokenFetches = meter.CreateCounter<long>("govbot.wecom.token.refreshes", "{fetch}",
            "Access tokens fetched from WeCom's gettoken, by outcome (ok, failed).");
    }

    public void CallbackAnswered() => _callbacks.Add(1, new KeyValuePair<string, object?>("outcome", "answered"));

    public void CallbackDuplicate() => _callbacks.Add(1, new KeyValuePair<string, object?>("outcome", "duplicate"));

    public void CallbackRefused(string reason) =>
        _callbacks.Add(1, new KeyValuePair<string, object?>("outcome", "refused"), new KeyValuePair<string, object?>("reason", reason));

    public void ApiCalled(string endpoint, int errCode)
    {
        _apiCalls.Add(1, new KeyValuePair<string, object?>("endpoint", endpoint), new KeyValuePair<string, object?>("errcode", errCode));
        // Refusals are also kept for the 「系统」 page (SystemSamples), which has no other way to see them.
        if (errCode != 0) _tally.Add("wecom.error", errCode.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public void TokenFetched(bool ok) => _tokenFetches.Add(1, new KeyValuePair<string, object?>("outcome", ok ? "ok" : "failed"));
}
