using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace GovBot.Host.Tests.Voice;

/// <summary>One request to the stub, as OpenAI's audio API receives it: the multipart form's fields and the file.</summary>
public sealed record TranscriptionRequest(byte[] Audio, string FileName, string? ContentType, string? Model, string? Language, string? ResponseFormat, string? Authorization);

/// <summary>
/// OpenAI's <c>POST /v1/audio/transcriptions</c> on loopback, so the real Semantic Kernel connector talks HTTP to it:
/// a multipart form in (file, model, language, response_format), <c>{"text": …}</c> out. <see cref="Text"/> is the
/// answer; <see cref="Status"/> other than 200 answers an OpenAI-style error; <see cref="Hold"/> keeps every request
/// waiting until <see cref="Release"/>, to play an endpoint slower than the configured timeout without a sleep.
/// </summary>
public sealed class TranscriptionStub : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<TranscriptionRequest> _requests = new();
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private TranscriptionStub(WebApplication app) => _app = app;

    public string Text { get; set; } = "";
    public int Status { get; set; } = 200;
    public bool Hold { get; set; }

    public string Endpoint => _app.Urls.First() + "/v1";

    public IReadOnlyList<TranscriptionRequest> Requests => _requests.ToList();

    /// <summary>Lets held requests answer (they find the client gone when it already timed out).</summary>
    public void Release() => _released.TrySetResult();

    public static async Task<TranscriptionStub> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var stub = new TranscriptionStub(app);
        app.MapPost("/v1/audio/transcriptions", async (HttpContext http) =>
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var file = form.Files["file"];
            using var bytes = new MemoryStream();
            if (file is not null) await file.CopyToAsync(bytes, http.RequestAborted);
            stub._requests.Enqueue(new TranscriptionRequest(bytes.ToArray(), file?.FileName ?? "", file?.ContentType,
                form["model"], form["language"], form["response_format"], http.Request.Headers.Authorization));
            if (stub.Hold)
            {
                try { await stub._released.Task.WaitAsync(http.RequestAborted); }
                catch (OperationCanceledException) { return; }
            }
            http.Response.StatusCode = stub.Status;
            http.Response.ContentType = "application/json";
            var body = stub.Status == 200
                ? new JsonObject { ["text"] = stub.Text }
                : new JsonObject { ["error"] = new JsonObject { ["message"] = "stub failure", ["type"] = "server_error", ["code"] = null } };
            await http.Response.WriteAsync(body.ToJsonString());
        });
        await app.StartAsync();
        return stub;
    }

    public async ValueTask DisposeAsync()
    {
        Release();
        await _app.DisposeAsync();
    }
}
