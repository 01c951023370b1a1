using System.Collections.Concurrent;
using GovBot.Skills.Ai;
using GovBot.Skills.Nlu;

namespace GovBot.Host.Staff;

/// <summary>
/// Whether today's router understands a missed message, for the weekly figures of 「待学习」 (<see cref="TeachingWeeks"/>).
/// Parsing every missed message of eight weeks on each page load is the page's whole cost, and the answer changes only
/// when the router's learned language does: each reading is remembered with <see cref="LearnedLanguage.Generation"/>
/// and read again once that has moved on (a label read in, on this instance or another within 5 minutes, or a
/// retrained classifier). New missed messages are parsed once each.
/// </summary>
public sealed class TeachingReadings(IntentRouter router, LearnedLanguage learned)
{
    /// <summary>More distinct texts than eight weeks of a county's misses: past it, everything is forgotten and read again.</summary>
    private const int MaxRemembered = 200_000;

    private readonly ConcurrentDictionary<(string Text, string IntentThen), (long Generation, bool Understood)> _readings = new();

    /// <summary>Today's router reads an intent into the masked text, and not the one that led to the fallback then.</summary>
    public bool UnderstoodNow(string maskedText, string intentThen)
    {
        // Taken before parsing: a reading made while a label was being read in is kept under the older generation,
        // so the next look reads it again.
        var generation = learned.Generation;
        if (_readings.TryGetValue((maskedText, intentThen), out var known) && known.Generation == generation) return known.Understood;
        if (_readings.Count >= MaxRemembered) _readings.Clear();
        var now = router.Parse(AsSent(maskedText)).Intent.Name;
        var understood = now != Intents.Other && now != intentThen;
        _readings[(maskedText, intentThen)] = (generation, understood);
        return understood;
    }

    /// <summary>
    /// The masked text with a made-up number where one was, so that it is read as it was then: 「[电话]」 alone reads
    /// as words, and would make a message look understood that the number had made unclear.
    /// </summary>
    private static string AsSent(string masked) =>
        masked.Replace(PersonalDataMask.PhonePlaceholder, "13800000000", StringComparison.Ordinal)
            .Replace(PersonalDataMask.IdPlaceholder, "140100199001010000", StringComparison.Ordinal);
}
