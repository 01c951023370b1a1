using System.Collections.Concurrent;
using GovBot.Host.WeCom.Api;
using GovBot.Host.WeCom.CustomerService;

namespace GovBot.Emulator;

/// <summary>
/// kf/service_state/get and kf/service_state/trans, and the servicer's own side: ending a session as a servicer does in
/// WeCom's client, which makes WeCom emit session_status_change (change type 3). The events are kept in
/// the account's sync_msg log (delivered by <see cref="WeChatUserSimulator.ServicerEndsAsync"/>'s callback) and, for
/// tests that look at them directly, in <see cref="SessionEvents"/>.
/// </summary>
public sealed partial class WeComApiStandIn
{
    /// <summary>The stand-in's answer when trans names someone who is not a servicer of the account.</summary>
    public const int KfNotServicer = 95014;

    /// <summary>The stand-in's answer to a change WeCom does not allow from the current state (e.g. from ended).</summary>
    public const int KfInvalidStateChange = 95013;

    private const int StateNew = 0, StateServicer = 3, StateEnded = 4;

    private readonly ConcurrentDictionary<string, byte> _servicers = new();
    private readonly ConcurrentDictionary<(string OpenKfId, string ExternalUserId), KfSession> _kfSessions = new();
    private readonly ConcurrentQueue<CustomerServiceSessionChanged> _sessionEvents = new();

    /// <summary>A session's state as WeCom numbers it, and its servicer while state is 3.</summary>
    public sealed record KfSession(int State, string? ServicerUserId);

    /// <summary>
    /// Who may be a servicer when the list is empty: the emulator asks its store for grid workers and staff. Tests
    /// name servicers with <see cref="AddCustomerServiceServicers"/>.
    /// </summary>
    public Func<string, bool>? IsServicerRule { get; set; }

    public void AddCustomerServiceServicers(params IEnumerable<string> userIds)
    {
        foreach (var id in userIds) _servicers[id] = 0;
    }

    /// <summary>The session of a WeChat user with an account (state 0 until anything happened).</summary>
    public KfSession SessionOf(string openKfId, string externalUserId) =>
        _kfSessions.GetValueOrDefault((openKfId, externalUserId)) ?? new KfSession(StateNew, null);

    /// <summary>session_status_change events not yet delivered, oldest first.</summary>
    public IReadOnlyList<CustomerServiceSessionChanged> SessionEvents => [.. _sessionEvents];

    /// <summary>Takes the undelivered session events, for a callback to deliver.</summary>
    public IReadOnlyList<CustomerServiceSessionChanged> TakeSessionEvents()
    {
        var taken = new List<CustomerServiceSessionChanged>();
        while (_sessionEvents.TryDequeue(out var e)) taken.Add(e);
        return taken;
    }

    /// <summary>
    /// The servicer ends the session in WeCom's client: state 4, and session_status_change with change type 3. Returns
    /// the event, or null when the session was not a servicer's.
    /// </summary>
    public CustomerServiceSessionChanged? EndSessionAsServicer(string openKfId, string externalUserId) =>
        KfEndSessionAsServicer(openKfId, externalUserId).Event;

    /// <summary>
    /// As <see cref="EndSessionAsServicer"/>, and the event is put in the account's sync_msg log as WeCom does; the
    /// returned token is the one the kf_msg_or_event callback carries (<see cref="WeChatUserSimulator.ServicerEndsAsync"/>).
    /// </summary>
    public (CustomerServiceSessionChanged? Event, string? Token) KfEndSessionAsServicer(string openKfId, string externalUserId)
    {
        var key = (openKfId, externalUserId);
        if (!_kfSessions.TryGetValue(key, out var session) || session.State != StateServicer) return (null, null);
        _kfSessions[key] = new KfSession(StateEnded, null);
        var changed = new CustomerServiceSessionChanged(openKfId, externalUserId, ChangeType: 3, session.ServicerUserId, null, _options.Time.GetUtcNow());
        _sessionEvents.Enqueue(changed);
        var token = KfSessionChange(openKfId, externalUserId, 3, session.ServicerUserId);
        return (changed, token);
    }

    private void MapCustomerServiceStateEndpoints(WebApplication app)
    {
        app.MapPost("/cgi-bin/kf/service_state/get", GetServiceStateAsync);
        app.MapPost("/cgi-bin/kf/service_state/trans", TransServiceStateAsync);
    }

    private async Task GetServiceStateAsync(HttpContext ctx)
    {
        if (await ServeFaultAsync(ctx) || await RefuseTokenAsync(ctx)) return;
        if (await ReadBodyAsync(ctx) is not { } body) return;
        var openKfId = StandInRules.Str(body, "open_kfid");
        var externalUserId = StandInRules.Str(body, "external_userid");
        if (!IsOpenKfId(openKfId) || string.IsNullOrEmpty(externalUserId))
        {
            await AnswerAsync(ctx, Error(KfInvalidOpenKfId, "invalid open_kfid or external_userid"));
            return;
        }
        var session = SessionOf(openKfId!, externalUserId);
        var answer = Ok();
        answer["service_state"] = session.State;
        if (session.ServicerUserId is { } servicer) answer["servicer_userid"] = servicer;
        await AnswerAsync(ctx, answer);
    }

    private async Task TransServiceStateAsync(HttpContext ctx)
    {
        if (await ServeFaultAsync(ctx) || await RefuseTokenAsync(ctx)) return;
        if (await ReadBodyAsync(ctx) is not { } body) return;
        var openKfId = StandInRules.Str(body, "open_kfid");
        var externalUserId = StandInRules.Str(body, "external_userid");
        var state = StandInRules.Int(body, "service_state");
        var servicer = StandInRules.Str(body, "servicer_userid");
        if (!IsOpenKfId(openKfId) || string.IsNullOrEmpty(externalUserId))
        {
            await AnswerAsync(ctx, Error(KfInvalidOpenKfId, "invalid open_kfid or external_userid"));
            return;
        }
        if (state is not (1 or 2 or 3 or 4))
        {
            await AnswerAsync(ctx, Error(WeComErrors.InvalidParameter, "invalid service_state"));
            return;
        }
        if (state == StateServicer && (string.IsNullOrEmpty(servicer) || !IsServicer(servicer)))
        {
            await AnswerAsync(ctx, Error(KfNotServicer, "servicer_userid is not a servicer of this account"));
            return;
        }
        var key = (openKfId!, externalUserId);
        if (SessionOf(openKfId!, externalUserId).State == StateEnded)
        {
            // WeCom: an ended session cannot be changed; it starts again when the customer writes.
            await AnswerAsync(ctx, Error(KfInvalidStateChange, "session already ended"));
            return;
        }
        _kfSessions[key] = new KfSession(state.Value, state == StateServicer ? servicer : null);
        // A person has the session: WeCom refuses the assistant's send_msg until it ends (or goes back to the assistant).
        var window = _kfWindows.GetOrAdd(externalUserId, _ => new KfWindowState());
        lock (window) window.WithServicer = state is 2 or 3;
        _recorder.Record(seq => new WeComApiCall(seq, "kf/service_state/trans", _options.Time.GetUtcNow(), null,
            servicer is null ? [] : [servicer], body, null, null));
        var answer = Ok();
        // As WeCom: the code lets the app send one message about the change with kf/send_msg_on_event.
        var code = StandInIds.New(24);
        if (state is 2 or 3) _kfWelcomeCodes[code] = (externalUserId, _options.Time.GetUtcNow(), 0);
        answer["msg_code"] = code;
        await AnswerAsync(ctx, answer);
    }

    /// <summary>When the customer writes again, an ended session opens anew (state 0), as WeCom does; for the channel's stand-in.</summary>
    public void ReopenSession(string openKfId, string externalUserId)
    {
        var key = (openKfId, externalUserId);
        if (_kfSessions.TryGetValue(key, out var s) && s.State == StateEnded) _kfSessions[key] = new KfSession(StateNew, null);
    }

    private bool IsServicer(string userId) =>
        _servicers.ContainsKey(userId) || (_servicers.IsEmpty && IsServicerRule?.Invoke(userId) == true);
}
