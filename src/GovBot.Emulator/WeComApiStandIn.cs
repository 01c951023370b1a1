using System.Collections.Concurrent;
using System.Net;
using GovBot.Host.WeCom.Api;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace GovBot.Emulator;

/// <summary>
/// A stand-in for WeCom's server API on loopback: gettoken, message/send, message/update_template_card,
/// media/get and the address book (通讯录), checking requests as WeCom does. It records every accepted call, streams them to
/// watchers, and serves planned faults. Used by tests, the emulator and load tests.
/// </summary>
public sealed partial class WeComApiStandIn : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly WeComStandInOptions _options;
    private readonly StandInTokens _tokens;
    private readonly StandInRecorder _recorder = new();
    private readonly StandInFaultQueue _faults = new();
    private readonly ConcurrentDictionary<string, byte>? _knownUsers;
    private readonly ConcurrentDictionary<string, StandInMedia> _media = new();
    private readonly ConcurrentDictionary<string, byte> _taskIds = new();
    private readonly ConcurrentDictionary<string, ResponseCodeGrant> _responseCodes = new();

    private sealed record StandInMedia(byte[] Content, string ContentType, string FileName);

    /// <summary>A response_code handed out with a button card or a tap; usable once.</summary>
    private sealed class ResponseCodeGrant(string taskId, IReadOnlyList<string> recipients)
    {
        public string TaskId { get; } = taskId;
        public IReadOnlyList<string> Recipients { get; } = recipients;
        /// <summary>0 until an update consumed the code, then 1 (set with Interlocked).</summary>
        public int Used;
    }

    private WeComApiStandIn(WebApplication app, WeComStandInOptions options)
    {
        _app = app;
        _options = options;
        _tokens = new StandInTokens(options.Time, options.TokenLifetime);
        if (options.KnownUsers is { } users)
            _knownUsers = new ConcurrentDictionary<string, byte>(users.Select(u => KeyValuePair.Create(u, (byte)0)));
    }

    /// <summary>Where the stand-in listens, e.g. "http://127.0.0.1:51234"; use it as WeCom:ApiBaseUrl.</summary>
    public string BaseUrl { get; private set; } = "";

    public WeComStandInOptions Options => _options;

    /// <summary>How many access tokens gettoken has issued.</summary>
    public int TokensIssued => _tokens.Issued;

    /// <summary>Every accepted call so far, oldest first (a snapshot).</summary>
    public IReadOnlyList<WeComApiCall> Calls => _recorder.Snapshot();

    public IReadOnlyList<WeComApiCall> CallsTo(string endpoint) => Calls.Where(c => c.Endpoint == endpoint).ToList();

    public static async Task<WeComApiStandIn> StartAsync(WeComStandInOptions? options = null, CancellationToken ct = default)
    {
        options ??= new WeComStandInOptions();
        // The empty builder reads no appsettings or environment, so the hosting app's settings cannot leak in.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, options.Port));
        builder.Services.AddRoutingCore();
        var app = builder.Build();

        var standIn = new WeComApiStandIn(app, options);
        standIn.MapEndpoints(app);
        await app.StartAsync(ct);
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()
            ?? throw new InvalidOperationException("Kestrel reported no addresses.");
        standIn.BaseUrl = addresses.Addresses.First().TrimEnd('/');
        return standIn;
    }

    /// <summary>Live feed of accepted calls from now on, e.g. to show pushes in a chat page.</summary>
    public IAsyncEnumerable<WeComApiCall> WatchAsync(CancellationToken ct = default) => _recorder.WatchAsync(ct);

    /// <summary>
    /// Waits until at least <paramref name="count"/> calls were accepted; throws TimeoutException otherwise.
    /// Measured on the wall clock on purpose: tests' fake clocks do not move while they wait.
    /// </summary>
    public async Task<IReadOnlyList<WeComApiCall>> WaitForCallsAsync(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var calls = Calls;
            if (calls.Count >= count) return calls;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"The stand-in got {calls.Count} calls, not {count}.");
            await Task.Delay(10);
        }
    }

    /// <summary>
    /// The next <paramref name="count"/> calls to send, update or media endpoints (not gettoken) get
    /// <paramref name="fault"/>, after <paramref name="afterCalls"/> calls answered normally.
    /// </summary>
    public void InjectFault(StandInFault fault, int count = 1, int afterCalls = 0) => _faults.Add(fault, count, afterCalls);

    public void ClearFaults() => _faults.Clear();

    private readonly StandInFaultQueue _tokenFaults = new();
    private int _tokenRequests;

    /// <summary>The next <paramref name="count"/> gettoken calls get <paramref name="fault"/>, e.g. a revoked secret's refusal.</summary>
    public void InjectTokenFault(StandInFault fault, int count = 1) => _tokenFaults.Add(fault, count, afterCalls: 0);

    public void ClearTokenFaults() => _tokenFaults.Clear();

    /// <summary>How many times gettoken was asked, refused or not (<see cref="TokensIssued"/> counts only the tokens given).</summary>
    public int TokenRequests => Volatile.Read(ref _tokenRequests);

    private int _faultsServed;

    /// <summary>How many calls got a planned fault instead of their answer.</summary>
    public int FaultsServed => Volatile.Read(ref _faultsServed);

    /// <summary>Every token issued so far answers 42001 from now on.</summary>
    public void ExpireAllTokens() => _tokens.ExpireAll();

    /// <summary>Makes a file available to media/get.</summary>
    public void AddMedia(string mediaId, byte[] content, string contentType, string fileName) =>
        _media[mediaId] = new StandInMedia(content, contentType, fileName);

    /// <summary>Adds corp members; once any are known (here or in the options), other ids are invalid.</summary>
    public void AddKnownUsers(params IEnumerable<string> userIds)
    {
        var known = _knownUsers ?? throw new InvalidOperationException("Start the stand-in with KnownUsers (possibly empty) to model membership.");
        foreach (var id in userIds) known[id] = 0;
    }

    /// <summary>
    /// A response_code as WeCom puts in a template_card_event when a user taps a button; the emulator
    /// hands it to the host's callback. It updates the card of <paramref name="taskId"/> once.
    /// </summary>
    public string IssueResponseCode(string taskId, IReadOnlyList<string> recipients)
    {
        var code = StandInIds.New(32);
        _responseCodes[code] = new ResponseCodeGrant(taskId, recipients);
        return code;
    }

    /// <summary>Forgets the recorded calls (tokens, media and faults stay).</summary>
    public void ClearCalls() => _recorder.Clear();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private bool IsKnown(string userId) => _knownUsers is null || _knownUsers.ContainsKey(userId);

    private static int ErrCodeFor(StandInTokens.Verdict verdict) => verdict switch
    {
        StandInTokens.Verdict.Missing => WeComErrors.MissingAccessToken,
        StandInTokens.Verdict.Expired => WeComErrors.AccessTokenExpired,
        _ => WeComErrors.InvalidAccessToken,
    };
}
