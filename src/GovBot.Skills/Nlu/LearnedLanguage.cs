using System.Collections.Frozen;
using GovBot.Skills.Ai;
using GovBot.Skills.Nlu.Classifier;

namespace GovBot.Skills.Nlu;

/// <summary>What a learned phrase means: an intent, and for a report the category staff chose.</summary>
public sealed record LearnedMeaning(string Intent, string? Category);

/// <summary>
/// What staff taught the bot from the review list 「待学习」, as the router reads it: exact phrases (matched with
/// certainty before the classifier) and the classifier retrained with them. Both are swapped whole, so a turn sees
/// either the old or the new set and never waits for training (<c>Teaching.LearnedPhraseTraining</c> fills it).
/// </summary>
public sealed class LearnedLanguage
{
    private volatile FrozenDictionary<string, LearnedMeaning> _phrases = FrozenDictionary<string, LearnedMeaning>.Empty;
    private volatile IntentClassifier? _classifier;
    private long _generation;

    /// <summary>The classifier trained with the learned phrases; null until one is trained (the shipped one serves).</summary>
    public IntentClassifier? Classifier => _classifier;

    public int PhraseCount => _phrases.Count;

    /// <summary>
    /// Grows whenever the phrases or the classifier are swapped, so that whoever remembers what the router made of a
    /// text (the weekly figures of 「待学习」) knows when to read it again.
    /// </summary>
    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>
    /// The meaning staff gave this exact text (give or take spaces, punctuation and case), if any. Phrases are kept
    /// masked, so the text is masked the same way first: 「…13812345678」 matches the 「…[电话]」 staff labelled.
    /// </summary>
    public LearnedMeaning? Find(string text) =>
        _phrases.Count == 0 || Key(PersonalDataMask.Apply(text)) is not { Length: > 0 } key ? null : _phrases.GetValueOrDefault(key);

    public void SetPhrases(IReadOnlyDictionary<string, LearnedMeaning> phrases)
    {
        _phrases = phrases.ToFrozenDictionary();
        Interlocked.Increment(ref _generation);
    }

    public void SetClassifier(IntentClassifier classifier)
    {
        _classifier = classifier;
        Interlocked.Increment(ref _generation);
    }

    /// <summary>How a phrase is matched: trimmed, full-width folded, lower-cased, letters and digits only.</summary>
    public static string Key(string text) => TextNormalizer.Compact(TextNormalizer.Normalize(text.Trim()));
}
