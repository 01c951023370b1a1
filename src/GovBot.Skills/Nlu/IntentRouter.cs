using GovBot.Skills.Nlu.Classifier;

namespace GovBot.Skills.Nlu;

/// <summary>
/// The router the bot uses without a language model. Rules decide only where they are certain (a command said on its
/// own, a ticket number, a bare number); every other message goes to the trained classifier
/// (<see cref="IntentClassifier"/>), which reads the words around the entities the rules found. A message that
/// describes something wrong but that the classifier is unsure of is still offered as a report — with a low
/// confidence, so the report skill asks before filing — rather than ending in "I don't understand".
/// </summary>
public sealed class IntentRouter(RuleIntentRouter rules, IntentClassifier shipped, IGazetteer gazetteer, LearnedLanguage? learned = null) : IIntentRouter
{
    /// <summary>The value of <see cref="NluResult.Router"/> when the classifier decided.</summary>
    public const string RouterName = "classifier";

    /// <summary>Below this probability the classifier's best intent is not taken (the message is "other").</summary>
    public const double MinConfidence = 0.25;

    /// <summary>A report this likely, or a place-bearing description this likely, is offered as a report to confirm.</summary>
    public const double ReportCandidate = 0.2;

    /// <summary>The category classifier's guess is used when at least this likely.</summary>
    public const double CategoryConfidence = 0.5;

    public bool AnswersAtOnce => true;

    public RuleIntentRouter Rules => rules;

    public Task<NluResult> ParseAsync(string text, CancellationToken ct = default) => Task.FromResult(Parse(text));

    public NluResult Parse(string text)
    {
        var verdict = rules.Judge(text);
        if (verdict.Certain) return verdict.Result;

        var entities = verdict.Result.Entities;
        // A phrase staff labelled is as certain as a rule: they read it and said what it means.
        if (learned?.Find(text) is { } taught) return Taught(taught, entities);
        var features = FeatureText.Of(text, entities, verdict.Evidence);
        // One model for the whole message, even if a retrained one is swapped in meanwhile.
        var model = Model;
        var ranked = model.Intents(features);
        var intent = Decide(text, entities, ranked);
        if (intent.Name == Intents.ReportProblem) entities = WithCategory(model, entities, features);
        return new NluResult(intent, entities, RouterName);
    }

    /// <summary>All intents with their probabilities, best first: for tests and tuning, not for routing.</summary>
    public LabelScore[] Explain(string text)
    {
        var verdict = rules.Judge(text);
        return Model.Intents(FeatureText.Of(text, verdict.Result.Entities, verdict.Evidence));
    }

    /// <summary>The classifier retrained with what staff taught, once trained; the shipped one until then.</summary>
    private IntentClassifier Model => learned?.Classifier ?? shipped;

    private static NluResult Taught(LearnedMeaning taught, IReadOnlyList<EntityMatch> entities)
    {
        if (taught.Category is { } category && !entities.Any(e => e.Entity == Entities.Category))
            entities = [.. entities, new EntityMatch(Entities.Category, category, 0, 0)];
        return new NluResult(new IntentMatch(taught.Intent, 1.0), entities, RuleIntentRouter.RouterName);
    }

    private static IntentMatch Decide(string text, IReadOnlyList<EntityMatch> entities, LabelScore[] ranked)
    {
        var top = ranked[0];
        if (top.Label != Intents.Other && top.Probability >= MinConfidence) return Match(top);

        // Unsure, or "other": a description of something wrong somewhere is still worth offering as a report.
        var report = ranked.First(r => r.Label == Intents.ReportProblem);
        if (report.Probability >= ReportCandidate && Describes(text, entities))
            return new IntentMatch(Intents.ReportProblem, Math.Round(report.Probability, 3));
        return top.Label == Intents.Other ? Match(top) : new IntentMatch(Intents.Other, Math.Round(1 - top.Probability, 3));
    }

    /// <summary>Long enough to say what is wrong (「最近暖气不太热」), or what and where.</summary>
    private static bool Describes(string text, IReadOnlyList<EntityMatch> entities)
    {
        var letters = text.Count(char.IsLetter);
        var placed = entities.Any(e => e.Entity is Entities.Building or Entities.Unit or Entities.Compound or Entities.Category);
        return letters >= (placed ? 5 : 7);
    }

    private static IntentMatch Match(LabelScore s) => new(s.Label, Math.Round(s.Probability, 3));

    private IReadOnlyList<EntityMatch> WithCategory(IntentClassifier model, IReadOnlyList<EntityMatch> entities, string features)
    {
        if (entities.Any(e => e.Entity == Entities.Category)) return entities;
        if (model.Category(features) is not { } guess || guess.Probability < CategoryConfidence
            || guess.Label == DefaultCategories.OtherCategory || !gazetteer.ReportCategories.Any(c => c.Name == guess.Label)) return entities;
        // Inferred, not typed: no span in the text.
        return [.. entities, new EntityMatch(Entities.Category, guess.Label, 0, 0)];
    }
}
