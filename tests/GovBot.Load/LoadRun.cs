using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using GovBot.Emulator;
using GovBot.Host.WeCom.CustomerService;
using GovBot.Host.WeCom.Crypto;
using GovBot.Host.WeCom.Xml;

namespace GovBot.Load;

/// <summary>
/// One run: a stand-in of WeCom's API, the host as its own process pointed at it, and members chatting through
/// encrypted callbacks until the time is up; then the store is audited against what the members saw.
/// </summary>
public sealed class LoadRun(LoadOptions options, string repoRoot)
{
    /// <summary>
    /// How long a member waits for a pushed answer. After a kill, a member whose turn the dead host held waits for
    /// that host's per-member lease (30 s) to lapse and the inbox sweeper to pick the message up.
    /// </summary>
    private TimeSpan PushWait => options.KillAt is null && !options.Faults ? TimeSpan.FromSeconds(10) : TimeSpan.FromSeconds(90);
    /// <summary>WeCom delivers a message up to four times when the answer is slow.</summary>
    private const int WeComDeliveries = 4;
    /// <summary>How long a member keeps redelivering while the host cannot be reached (killed, restarting).</summary>
    private static readonly TimeSpan Unreachable = TimeSpan.FromMinutes(2);
    private readonly ConcurrentBag<string> _accepted = [];
    private long _msgId = 8_000_000_000;
    private const int SamplesPerMinute = 12;
    /// <summary>Throughput is also counted per window, to show whether it held up over the run.</summary>
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(10);
    /// <summary>external_userid of simulated WeChat users (微信客服); app members are "load-…".</summary>
    private const string WeChatPrefix = "wmload";
    private WeComApiStandIn? _standIn;

    private bool OnWeChat(int member) => options.Channel switch
    {
        MemberChannel.CustomerService => true,
        MemberChannel.Mixed => member % 2 == 1,
        _ => false,
    };
    private readonly Stopwatch _clock = new();

    public async Task<LoadReport> RunAsync(CancellationToken ct)
    {
        await using var standIn = await WeComApiStandIn.StartAsync(new WeComStandInOptions { CorpId = HostUnderTest.CorpId }, ct);
        await using var feed = new PushFeed(standIn);
        feed.Start();
        await using var cluster = await LoadCluster.StartAsync(options, repoRoot, standIn.BaseUrl, standIn.Options.CorpSecret, ct);
        Console.WriteLine($"Store: {cluster.Describe()}.");
        // The host whose memory is sampled, and the one that survives a kill among several.
        var host = cluster.First;

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Concurrency })
        {
            BaseAddress = new Uri(cluster.BaseUrl + "/"),
            Timeout = Timeout.InfiniteTimeSpan,
        };
        using var crypto = new WeComCrypto(HostUnderTest.Token, HostUnderTest.EncodingAesKey, HostUnderTest.CorpId);
        var wecom = new WeComUserSimulator(http, crypto, HostUnderTest.CorpId, HostUnderTest.AgentId, TimeProvider.System);

        var recorder = new LoadRecorder();
        // A Redis server kept from an earlier run still holds that run's dialogs: each run's members are new people.
        var run = Guid.NewGuid().ToString("N")[..6];
        _standIn = standIn;
        var members = new ConcurrentQueue<SimulatedMember>(Enumerable.Range(1, options.Users)
            .Select(i => new SimulatedMember(OnWeChat(i) ? $"{WeChatPrefix}{run}{i:D5}" : $"load-{run}-{i:D5}", i, new Random(i), options.Mix)));
        var memory = new List<long> { host.WorkingSetBytes };
        using var sampling = new CancellationTokenSource();
        var sampler = SampleAsync(host, memory, sampling.Token);

        var end = options.Warmup + options.Duration;
        recorder.Measuring = options.Warmup == TimeSpan.Zero;
        _clock.Start();
        var crash = options.KillAt is { } killAt ? CrashAsync(cluster, options.Warmup + killAt, ct) : Task.FromResult<string?>(null);
        var faults = options.Faults ? StandInFaults.InjectAsync(standIn, options.Duration, ct) : Task.FromResult(0);
        var backup = options.BackupAt is { } backupAt
            ? BackupUnderLoad.TakeAsync(repoRoot, host, recorder, _clock, options.Warmup + backupAt, ct)
            : null;
        var workers = Enumerable.Range(0, options.Concurrency).Select(_ => Task.Run(async () =>
        {
            while (_clock.Elapsed < end && !ct.IsCancellationRequested)
            {
                if (!members.TryDequeue(out var member)) { await Task.Delay(1, ct); continue; }
                await ExchangeAsync(wecom, feed, cluster, member, recorder, ct);
                members.Enqueue(member);
            }
        }, ct)).ToList();
        var measuredFrom = TimeSpan.Zero;
        if (options.Warmup > TimeSpan.Zero)
        {
            await Task.Delay(options.Warmup, ct);
            recorder.Measuring = true;
            measuredFrom = _clock.Elapsed;
            Console.WriteLine($"Warmed up for {options.Warmup.TotalSeconds:0} s; measuring …");
        }
        await Task.WhenAll(workers);
        var seconds = (_clock.Elapsed - measuredFrom).TotalSeconds;
        var killed = await crash;
        var faultsInjected = await faults;
        await sampling.CancelAsync();
        await sampler;
        memory.Add(host.WorkingSetBytes);

        // Pushes that failed late in a faulty run wait out the outbox's backoff before they go.
        var drain = options.Faults ? TimeSpan.FromMinutes(4) : TimeSpan.FromSeconds(60);
        var audit = await StoreAudit.RunAsync(cluster.OpenStore(), () => standIn.Calls
            .Where(c => c.Endpoint is "message/send" or "kf/send_msg" or "kf/send_msg_on_event").Select(c => c.MsgId).ToList(), [.. _accepted], drain);
        var backupCheck = backup is null ? null : await BackupUnderLoad.CheckAsync(repoRoot, standIn, await backup, options.Warmup + options.BackupAt!.Value, ct);
        if (backupCheck is not null) Console.WriteLine(backupCheck.Line());
        // The run's figures as operators see them: on 「系统」 (from the store) and in the hosts' Prometheus scrapes.
        var page = await SystemPageCheck.RunAsync(host.BaseUrl, cluster.OpenStore(), _accepted.Count, ct);
        Console.WriteLine("「系统」 page: " + page.Line());
        var scrape = await MetricsScrapeCheck.RunAsync([.. cluster.Hosts.Select(h => h.BaseUrl)], cluster.OpenStore(),
            options.KillAt is null ? null : "a host was killed, and its counters with it", ct);
        Console.WriteLine("Prometheus scrape: " + scrape.Line());
        var clean = audit.Clean(recorder.Messages, _accepted.Count, recorder.ReportsFiled) && recorder.Failures == 0 && recorder.Unanswered == 0
            && backupCheck?.Clean != false && page.Clean && scrape.Clean;
        cluster.Keep(options.KeepData || !clean);
        if (host.KeepData && !cluster.OnPostgres) Console.WriteLine($"The host's store is kept: {host.DataDir}");
        const double mb = 1024 * 1024;
        return new LoadReport(
            cluster.Describe(),
            options.Mix == MessageMix.Realistic ? "realistic mix" : "only " + options.Mix.ToString().ToLowerInvariant(),
            options.Users, options.Concurrency, seconds,
            recorder.Messages, recorder.Measured, recorder.Measured / seconds,
            [.. recorder.PerWindow().Take((int)(options.Duration / Window)).Select(n => n / Window.TotalSeconds)], recorder.Percentile(50), recorder.Percentile(95), recorder.Percentile(99),
            recorder.Passive, recorder.Pushed, recorder.Unanswered, recorder.Retries, recorder.Failures, recorder.Unexpected, recorder.ReportsFiled,
            memory[0] / mb, memory[^1] / mb, memory.Max() / mb, [.. memory.Where((_, i) => i % SamplesPerMinute == 0).Select(m => m / mb)], killed, options.Faults ? faultsInjected : null,
            audit, page, scrape, clean);
    }

    /// <summary>One message and its answer; WeCom delivers the same message again when an answer takes over 5 s.</summary>
    private async Task ExchangeAsync(WeComUserSimulator wecom, PushFeed feed, LoadCluster cluster, SimulatedMember member, LoadRecorder recorder, CancellationToken ct)
    {
        var text = member.NextMessage();
        string msgId, xml;
        if (member.UserId.StartsWith(WeChatPrefix, StringComparison.Ordinal))
        {
            // A WeChat user: the message waits at WeCom (the stand-in's log), and the callback only announces it; the
            // host pulls it with kf/sync_msg and stores it under "kf:" + WeCom's msgid.
            var (token, kfMsgId) = _standIn!.KfWriteMessage(WeChatUserSimulator.DefaultAccount, member.UserId, text);
            msgId = KfBatchWriter.DedupPrefix + kfMsgId;
            xml = WeChatUserSimulator.AnnouncementXml(HostUnderTest.CorpId, WeChatUserSimulator.DefaultAccount, token, DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        }
        else
        {
            msgId = Interlocked.Increment(ref _msgId).ToString(CultureInfo.InvariantCulture);
            xml = WeComInboundXml.Text(HostUnderTest.CorpId, member.UserId, DateTimeOffset.UtcNow.ToUnixTimeSeconds(), text, msgId, HostUnderTest.AgentId);
        }
        feed.Clear(member.UserId);
        recorder.Message();

        CallbackAnswer? answer = null;
        var slow = 0;
        var giveUp = Stopwatch.StartNew();
        for (var delivery = 0; answer is null && slow < WeComDeliveries && giveUp.Elapsed < Unreachable; delivery++)
        {
            if (delivery > 0) recorder.Retried();
            using var patience = CancellationTokenSource.CreateLinkedTokenSource(ct);
            patience.CancelAfter(options.WeComPatience);
            var started = Stopwatch.GetTimestamp();
            try
            {
                answer = await wecom.PostAsync(xml, patience.Token);
                recorder.Callback(Stopwatch.GetElapsedTime(started), (int)((_clock.Elapsed - options.Warmup) / Window));
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested) { slow++; }
            catch (HttpRequestException)
            {
                // Nobody listening (killed, restarting): WeCom keeps the message on its side and delivers it again.
            }
            // A proxy that found no live host for it answers 502/503/504; WeCom takes any such answer as not delivered.
            if (answer?.Status is HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout)
                answer = null;
            // Not delivered: the next delivery goes once a host answers again (at once while another one does, after the
            // restart while none does), within the two minutes a member keeps trying.
            if (answer is null)
            {
                try
                {
                    var left = Unreachable - giveUp.Elapsed;
                    await cluster.AnsweringAsync(ct).WaitAsync(left > TimeSpan.Zero ? left : TimeSpan.Zero, ct);
                }
                catch (TimeoutException) { }
            }
        }
        if (answer is not { Status: HttpStatusCode.OK })
        {
            recorder.Failed();
            return;
        }
        _accepted.Add(msgId);

        var reply = answer.PassiveReply;
        if (reply is not null) recorder.AnsweredPassively();
        else if ((reply = await feed.NextAsync(member.UserId, PushWait)) is not null) recorder.AnsweredByPush();
        else
        {
            recorder.NotAnswered();
            return;
        }
        if (!member.Heard(reply, recorder)) recorder.UnexpectedReply();
    }

    /// <summary>
    /// One host: SIGKILL and the same host started again on the same data. Several: the last one is killed for good;
    /// the proxy takes it out and WeCom's redeliveries land on the others.
    /// </summary>
    private static async Task<string?> CrashAsync(LoadCluster cluster, TimeSpan killAt, CancellationToken ct)
    {
        await Task.Delay(killAt, ct);
        if (cluster.Hosts.Count > 1)
        {
            Console.WriteLine($"Killing host {cluster.Hosts.Count} of {cluster.Hosts.Count} (SIGKILL) at {killAt.TotalSeconds:0} s, not restarted …");
            await cluster.Hosts[^1].KillAsync(ct);
            return $"host {cluster.Hosts.Count} of {cluster.Hosts.Count} at {killAt.TotalSeconds:0} s, not restarted";
        }
        Console.WriteLine($"Killing the host (SIGKILL) at {killAt.TotalSeconds:0} s …");
        var down = await cluster.First.KillAndRestartAsync(ct);
        Console.WriteLine($"Host back after {down.TotalSeconds:0.0} s.");
        return string.Create(CultureInfo.InvariantCulture, $"at {killAt.TotalSeconds:0} s, back after {down.TotalSeconds:0.0} s");
    }

    private static async Task SampleAsync(HostUnderTest host, List<long> memory, CancellationToken ct)
    {
        try
        {
            for (var samples = 1; ; samples++)
            {
                await Task.Delay(TimeSpan.FromMinutes(1) / SamplesPerMinute, ct);
                var bytes = host.WorkingSetBytes;
                lock (memory) memory.Add(bytes);
                // Shown as the run goes: a long run's audit may wait a long while for cards held at WeCom's pace.
                if (samples % SamplesPerMinute == 0) Console.WriteLine($"minute {samples / SamplesPerMinute}: host memory {bytes / (1024 * 1024)} MB");
            }
        }
        catch (OperationCanceledException) { }
    }
}
