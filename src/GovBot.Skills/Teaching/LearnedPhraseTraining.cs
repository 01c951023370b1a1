using System.Threading.Channels;
using GovBot.Data;
using GovBot.Data.Teaching;
using GovBot.Skills.Nlu;
using GovBot.Skills.Nlu.Classifier;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GovBot.Skills.Teaching;

/// <summary>
/// Loads the phrases staff taught into <see cref="LearnedLanguage"/> at start and whenever labels change
/// (<see cref="LabelsChanged"/>, or every few minutes for labels given on another instance), and retrains the
/// classifier with them in the background. Exact phrases take effect as soon as they are read; the retrained model
/// is swapped in whole when it is ready, so no turn waits for training.
/// </summary>
public sealed partial class LearnedPhraseTraining(
    IServiceScopeFactory scopes, LearnedLanguage learned, ILogger<LearnedPhraseTraining> log) : BackgroundService
{
    private static readonly TimeSpan Poll = TimeSpan.FromMinutes(5);

    private readonly Channel<bool> _changed = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private string _trainedOn = "";

    /// <summary>Staff labelled or dismissed something: read the phrases again (coalesced; never blocks).</summary>
    public void LabelsChanged() => _changed.Writer.TryWrite(true);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RefreshAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(log, ex);
            }
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            wait.CancelAfter(Poll);
            try
            {
                await _changed.Reader.ReadAsync(wait.Token);
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                // The poll interval passed: look again.
            }
        }
    }

    private async Task RefreshAsync(CancellationToken ct)
    {
        List<LearnedPhrase> phrases;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GovBotDb>();
            phrases = await db.LearnedPhrases.AsNoTracking().OrderBy(p => p.Id).ToListAsync(ct);
        }
        learned.SetPhrases(phrases.GroupBy(p => p.Key).ToDictionary(g => g.Key, g => new LearnedMeaning(g.Last().Intent, g.Last().Category)));

        var fingerprint = string.Join('\n', phrases.Select(p => $"{p.Key}\t{p.Intent}\t{p.Category}"));
        if (fingerprint == _trainedOn || phrases.Count == 0 && _trainedOn.Length == 0) return;
        var examples = phrases.Where(p => Intents.All.Contains(p.Intent)).Select(p => new LabelledMessage(p.Text, p.Intent, p.Category)).ToList();
        // Training takes seconds of CPU: off the caller's thread, and the old model serves until it is done.
        var model = await Task.Run(() => IntentClassifier.TrainWith(examples), ct);
        learned.SetClassifier(model);
        _trainedOn = fingerprint;
        LogTrained(log, examples.Count);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Classifier retrained with {Count} learned phrases")]
    private static partial void LogTrained(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reading or training the learned phrases failed; the bot keeps the phrases and model it had. Check the store; it is tried again when labels change or in 5 minutes")]
    private static partial void LogFailed(ILogger logger, Exception ex);
}
