using System.Diagnostics;
using GovBot.Data;
using GovBot.Skills.Nlu;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace GovBot.Skills.Ai;

/// <summary>
/// Routes through a language model by function calling, as a layer around the local router
/// (<see cref="IntentRouterLayers"/>): that always parses first (rules and the trained classifier cost microseconds
/// and find spans and phone numbers); then the model picks one of
/// the skills' functions within <see cref="AiOptions.Timeout"/>. A slow, failing or unbelievable answer leaves the
/// local result standing, so with the model broken the bot behaves exactly as without it.
/// </summary>
public sealed partial class LlmIntentRouter(
    IIntentRouter rules,
    Kernel kernel,
    RoutePrompt prompt,
    ProposalValidator validator,
    IDbContextFactory<GovBotDb> dbs,
    IGazetteer gazetteer,
    IOptions<AiOptions> options,
    AiMetrics metrics,
    TimeProvider time,
    ILogger<LlmIntentRouter> log) : IIntentRouter
{
    public const string RouterName = "llm";

    /// <summary>The model states no confidence; a validated choice is taken as a firm one.</summary>
    private const double ModelConfidence = 0.9;

    public async Task<NluResult> ParseAsync(string text, CancellationToken ct = default)
    {
        var ruled = await rules.ParseAsync(text, ct);
        if (text.Trim().Length < options.Value.MinTextLength) return ruled;

        var started = Stopwatch.GetTimestamp();
        using var budget = new CancellationTokenSource(options.Value.Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, budget.Token);
        metrics.Called();
        try
        {
            var (proposal, reason) = await AskAsync(text, linked.Token);
            if (proposal is null) return FallBack(ruled, reason!, started);
            LogAnswered(log, proposal.Intent, proposal.Slots.Count, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return Merge(text, ruled, proposal);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            // Past the budget the client may throw its own wrapper rather than a cancellation; the budget says which it was.
            if (budget.IsCancellationRequested) return FallBack(ruled, FallbackReason.Timeout, started);
            // The exception's type says enough; its message may quote the request, and with it the user's words.
            LogError(log, e.GetType().Name);
            return FallBack(ruled, FallbackReason.Error, started);
        }
    }

    private async Task<(IntentProposal? Proposal, string? Reason)> AskAsync(string text, CancellationToken ct)
    {
        var county = await CountyContext.ReadAsync(dbs, gazetteer, time, ct);
        var history = new ChatHistory(await prompt.RenderAsync(kernel, county, ct));
        history.AddUserMessage(PersonalDataMask.Apply(text));

        var chat = kernel.GetRequiredService<IChatCompletionService>();
        var answer = await chat.GetChatMessageContentAsync(history, prompt.Settings, kernel, ct);
        if (FunctionCallContent.GetFunctionCalls(answer).FirstOrDefault() is not { } call) return (null, FallbackReason.NoFunction);
        if (!kernel.Plugins.TryGetFunction(call.PluginName, call.FunctionName, out var function))
            return (null, FallbackReason.UnknownFunction);
        if (call.Exception is not null) return (null, FallbackReason.Invalid);

        // Running the function only builds the proposal: plugin functions write nothing.
        IntentProposal? proposed;
        try
        {
            proposed = (await function.InvokeAsync(kernel, call.Arguments ?? [], ct)).GetValue<IntentProposal>();
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException or KernelException or System.Text.Json.JsonException)
        {
            return (null, FallbackReason.Invalid);
        }

        return proposed is not null && validator.Validate(proposed) is { } valid ? (valid, null) : (null, FallbackReason.Invalid);
    }

    private NluResult FallBack(NluResult ruled, string reason, long started)
    {
        metrics.FellBack(reason);
        LogFallback(log, reason, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return ruled with { Fallback = reason };
    }

    /// <summary>
    /// The model's intent and slots, plus what the rules found that the model did not name (a phone number, a date).
    /// A slot's span is where its value appears in the text, or empty at 0 when the user said it differently.
    /// </summary>
    private static NluResult Merge(string text, NluResult ruled, IntentProposal proposal)
    {
        var entities = ruled.Entities.Where(e => !proposal.Slots.ContainsKey(e.Entity)).ToList();
        foreach (var (entity, value) in proposal.Slots)
        {
            var span = ruled.Entities.FirstOrDefault(e => e.Entity == entity && e.Value == value);
            var at = span is null ? text.IndexOf(value, StringComparison.Ordinal) : span.Start;
            entities.Add(span ?? (at >= 0 ? new EntityMatch(entity, value, at, at + value.Length) : new EntityMatch(entity, value, 0, 0)));
        }
        entities.Sort(static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.End.CompareTo(b.End));
        return new NluResult(new IntentMatch(proposal.Intent, ModelConfidence), entities, RouterName);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Model routed to {Intent} with {SlotCount} slots in {ElapsedMs:F0} ms")]
    private static partial void LogAnswered(ILogger logger, string intent, int slotCount, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Model answer not used ({Reason}) after {ElapsedMs:F0} ms; the rules answered")]
    private static partial void LogFallback(ILogger logger, string reason, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Model call failed with {ExceptionType}")]
    private static partial void LogError(ILogger logger, string exceptionType);
}
