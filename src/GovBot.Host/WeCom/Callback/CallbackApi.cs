using System.Globalization;
using System.Security.Cryptography;
using GovBot.Host.Telemetry;
using GovBot.Host.Turns;
using GovBot.Host.WeCom.Api;
using GovBot.Host.WeCom.Crypto;
using GovBot.Host.WeCom.CustomerService;
using GovBot.Host.WeCom.Xml;
using Microsoft.Extensions.Options;

namespace GovBot.Host.WeCom.Callback;

/// <summary>
/// The callback URL of the self-built app. GET verifies the URL when it is set in the WeCom console;
/// POST receives every message and event, stores it, and answers inside WeCom's 5-second window.
/// </summary>
public static partial class CallbackApi
{
    /// <summary>WeCom's messages are a few KiB; anything far larger is not from WeCom.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    public static RouteGroupBuilder MapWeComCallback(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/wecom");
        group.MapGet("/callback", VerifyUrl);
        group.MapPost("/callback", ReceiveAsync);
        return group;
    }

    private static IResult VerifyUrl(
        string? msg_signature, string? timestamp, string? nonce, string? echostr,
        WeComCrypto crypto, ILoggerFactory logs)
    {
        try
        {
            return Results.Text(crypto.VerifyUrl(msg_signature, timestamp, nonce, echostr), "text/plain");
        }
        catch (WeComCryptoException ex)
        {
            LogRejected(logs.CreateLogger(nameof(CallbackApi)), "url-verify", ex.Error.ToString());
            return Results.BadRequest();
        }
    }

    private static async Task<IResult> ReceiveAsync(
        HttpContext http, string? msg_signature, string? timestamp, string? nonce,
        WeComCrypto crypto, InboxWriter inbox, CallbackIntake intake, DrainLauncher drains, PassiveReplyWaiters waiters,
        IOptions<WeComOptions> options, TimeProvider time, ILoggerFactory logs, WeComMetrics metrics, TurnMetrics turns)
    {
        // The message's trace: its row carries this span's context to the turn and the push (GovBotTelemetry).
        using var span = GovBotTelemetry.Source.StartActivity("wecom.callback");
        var log = logs.CreateLogger(nameof(CallbackApi));
        var correlationId = http.TraceIdentifier;

        var body = await BoundedBody.ReadAsync(http.Request, MaxBodyBytes, http.RequestAborted);
        if (body is null)
        {
            LogRejected(log, correlationId, "body too large");
            metrics.CallbackRefused("too-large");
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        WeComInboundMessage message;
        string plainXml;
        try
        {
            var envelope = WeComEnvelopeParser.Parse(body);
            plainXml = WeComXmlCleaner.Clean(crypto.DecryptMessage(msg_signature, timestamp, nonce, envelope.Encrypt));
            message = WeComMessageParser.Parse(plainXml);
        }
        catch (WeComCryptoException ex)
        {
            LogRejected(log, correlationId, "crypto " + ex.Error);
            metrics.CallbackRefused(ex.Error is WeComCryptoError.InvalidSignature ? "signature" : "crypto");
            return ex.Error is WeComCryptoError.InvalidSignature or WeComCryptoError.MissingParameter
                ? Results.StatusCode(StatusCodes.Status403Forbidden)
                : Results.BadRequest();
        }
        catch (WeComXmlException ex)
        {
            LogRejected(log, correlationId, "xml " + ex.Error);
            metrics.CallbackRefused("xml");
            return Results.BadRequest();
        }

        // Checked once the signature holds, so a forgery is reported as one and not as a stale request.
        if (!CallbackFreshness.IsFresh(timestamp, options.Value, time))
        {
            LogRejected(log, correlationId, "timestamp outside the accepted window");
            metrics.CallbackRefused("stale");
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        // 微信客服: the event only announces messages to pull; it is acknowledged at once and the pull answers them.
        if (CustomerServiceCallback.Announces(message) && http.RequestServices.GetService<CustomerServiceCallback>() is { } kf)
        {
            await kf.AcceptAsync(message, plainXml, correlationId);
            metrics.CallbackAnswered();
            return Results.Text("");
        }

        if (message.MsgType is not (WeComMsgTypes.Text or WeComMsgTypes.Image or WeComMsgTypes.Voice
            or WeComMsgTypes.Location or WeComMsgTypes.Link or WeComMsgTypes.Event))
            LogUnsupported(log, correlationId, message.MsgType);

        // Once stored, the message is handled even if WeCom stops waiting: the request's abort does not cancel it.
        var taken = await intake.TakeInAsync(
            inbox.NewRow(WeComInboundMessage.DedupKeyOf(message, plainXml), message.FromUserName, message.MsgType, plainXml, correlationId), CancellationToken.None);
        var accepted = taken.Accepted;
        if (accepted.Duplicate)
        {
            // WeCom repeats a callback it thinks went unanswered: give the same answer, do nothing again.
            LogDuplicate(log, correlationId, accepted.Message.Id);
            metrics.CallbackDuplicate();
            return PassiveOrEmpty(accepted.Message.PassiveReply, message, crypto, time);
        }
        metrics.CallbackAnswered();
        span?.SetTag("govbot.inbox.id", accepted.Message.Id);
        if (taken.Answer is { } answer) return PassiveOrEmpty(answer, message, crypto, time, turns);

        var waiter = waiters.Register(accepted.Message.Id);
        try
        {
            drains.Start(message.FromUserName);
            var budget = options.Value.PassiveReplyBudget;
            var finished = await Task.WhenAny(waiter.Reply, Task.Delay(budget, time, http.RequestAborted)) == waiter.Reply;
            if (!finished && waiter.TryExpire()) return Results.Text("");
            // Claimed by the turn just in time: its answer is moments away.
            return PassiveOrEmpty(await waiter.Reply, message, crypto, time, turns);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            waiter.TryExpire();
            return Results.Empty;
        }
        finally
        {
            waiters.Remove(accepted.Message.Id);
        }
    }

    private static IResult PassiveOrEmpty(string? text, WeComInboundMessage to, WeComCrypto crypto, TimeProvider time, TurnMetrics? turns = null)
    {
        if (string.IsNullOrEmpty(text)) return Results.Text("");
        turns?.AnsweredPassively();
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        var reply = WeComReplyXml.Text(to.FromUserName, to.ToUserName.Length > 0 ? to.ToUserName : crypto.ReceiveId, now, text);
        var nonce = RandomNumberGenerator.GetInt32(100_000_000, int.MaxValue).ToString(CultureInfo.InvariantCulture);
        return Results.Text(crypto.EncryptReply(reply, now.ToString(CultureInfo.InvariantCulture), nonce), "application/xml");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Callback {CorrelationId} rejected: {Reason}")]
    private static partial void LogRejected(ILogger logger, string correlationId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Callback {CorrelationId} repeats inbox message {InboxId}; answered without handling it again")]
    private static partial void LogDuplicate(ILogger logger, string correlationId, long inboxId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Callback {CorrelationId} has unsupported MsgType {MsgType}; answering politely")]
    private static partial void LogUnsupported(ILogger logger, string correlationId, string msgType);
}
