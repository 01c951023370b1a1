using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace GovBot.Host.Tests.Ai;

/// <summary>
/// An OpenAI-compatible chat-completions server on loopback, so the real Semantic Kernel connector talks HTTP to it.
/// <see cref="Answer"/> decides each reply from the request; every request body is kept for the tests to read.
/// </summary>
public sealed class OpenAiStub : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<JsonNode> _requests = new();

    private OpenAiStub(WebApplication app) => _app = app;

    /// <summary>What to send back for a request: a status, a raw body, and how long to wait first.</summary>
    public Func<JsonNode, StubReply> Answer { get; set; } = _ => StubReply.Text("好的");

    public string Endpoint => _app.Urls.First() + "/v1";

    public IReadOnlyList<JsonNode> Requests => _requests.ToList();

    public static async Task<OpenAiStub> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var stub = new OpenAiStub(app);
        app.MapPost("/v1/chat/completions", async (HttpContext http) =>
        {
            var request = (await JsonNode.ParseAsync(http.Request.Body))!;
            stub._requests.Enqueue(request);
            var reply = stub.Answer(request);
            if (reply.Delay > TimeSpan.Zero)
            {
                try { await Task.Delay(reply.Delay, http.RequestAborted); }
                catch (OperationCanceledException) { return; }
            }
            http.Response.StatusCode = reply.Status;
            http.Response.ContentType = "application/json";
            await http.Response.WriteAsync(reply.Body);
        });
        await app.StartAsync();
        return stub;
    }

    /// <summary>The text of the first message with <paramref name="role"/> in the newest request.</summary>
    public string? LastMessage(string role) =>
        Requests.LastOrDefault()?["messages"]?.AsArray().FirstOrDefault(m => (string?)m?["role"] == role)?["content"] switch
        {
            JsonValue v => (string?)v,
            JsonArray parts => string.Concat(parts.Select(p => (string?)p?["text"])),
            _ => null,
        };

    /// <summary>Names of the functions offered in the newest request.</summary>
    public IReadOnlyList<string> OfferedFunctions() =>
        Requests.LastOrDefault()?["tools"]?.AsArray().Select(t => (string)t!["function"]!["name"]!).ToList() ?? [];

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

public sealed record StubReply(int Status, string Body, TimeSpan Delay)
{
    public StubReply After(TimeSpan delay) => this with { Delay = delay };

    public static StubReply Text(string content) => Completion(new JsonObject { ["role"] = "assistant", ["content"] = content }, "stop");

    /// <summary>
    /// A tool call as a model would make it: <paramref name="function"/> is matched to the offered tool whose name
    /// ends with it ("report_problem" → "reports-report_problem"), or sent as given when none is offered.
    /// </summary>
    public static Func<JsonNode, StubReply> Calls(string function, object arguments) =>
        CallsRaw(function, JsonSerializer.Serialize(arguments));

    public static Func<JsonNode, StubReply> CallsRaw(string function, string arguments) => request =>
    {
        var offered = request["tools"]?.AsArray().Select(t => (string)t!["function"]!["name"]!) ?? [];
        var name = offered.FirstOrDefault(n => n == function || n.EndsWith("-" + function, StringComparison.Ordinal)) ?? function;
        var call = new JsonObject
        {
            ["id"] = "call_1",
            ["type"] = "function",
            ["function"] = new JsonObject { ["name"] = name, ["arguments"] = arguments },
        };
        return Completion(new JsonObject { ["role"] = "assistant", ["content"] = null, ["tool_calls"] = new JsonArray(call) }, "tool_calls");
    };

    private static StubReply Completion(JsonObject message, string finish) => new(200, new JsonObject
    {
        ["id"] = "chatcmpl-stub",
        ["object"] = "chat.completion",
        ["created"] = 1_764_000_000,
        ["model"] = "stub-model",
        ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["message"] = message, ["finish_reason"] = finish }),
        ["usage"] = new JsonObject { ["prompt_tokens"] = 10, ["completion_tokens"] = 5, ["total_tokens"] = 15 },
    }.ToJsonString(), TimeSpan.Zero);
}
