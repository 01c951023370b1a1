namespace GovBot.Skills.Nlu.Classifier;

/// <summary>
/// The two trained classifiers of the router: which intent a free message has, and, for a report, which category
/// it falls under. Both learn from the same labelled messages (<see cref="TrainingCorpus"/>) and read
/// <see cref="FeatureText"/>, never the raw text. <see cref="Default"/> is trained once per process from the
/// messages embedded in this assembly, the first time a router needs it.
/// </summary>
public sealed class IntentClassifier
{
    private static readonly Lazy<IntentClassifier> LazyDefault =
        new(() => Train(TrainingCorpus.Default, DefaultFeatures), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly TextClassifier _intents;
    private readonly TextClassifier? _categories;

    private IntentClassifier(TextClassifier intents, TextClassifier? categories)
    {
        _intents = intents;
        _categories = categories;
    }

    /// <summary>Trained from the embedded messages, with the demo places as the gazetteer of the features.</summary>
    public static IntentClassifier Default => LazyDefault.Value;

    /// <summary>Turns a labelled line into features the way the router will see it at run time.</summary>
    public delegate string Featurizer(string text);

    /// <summary>
    /// Features of training lines: the extractors over the demo gazetteer and the default categories. The places a
    /// county adds later only change which spans become place symbols, which is the point of the symbols.
    /// </summary>
    private static string DefaultFeatures(string text) => FeaturesOf(DemoExtractor.Value)(text);

    /// <summary>How the router featurizes a message for a given rule set: the same for training and for use.</summary>
    public static Featurizer FeaturesOf(RuleIntentRouter rules) => text =>
    {
        var verdict = rules.Judge(text);
        return FeatureText.Of(text, verdict.Result.Entities, verdict.Evidence);
    };

    private static readonly Lazy<RuleIntentRouter> DemoExtractor = new(() => new RuleIntentRouter(new InMemoryGazetteer()));

    /// <summary>
    /// The shipped messages plus <paramref name="learned"/> ones, each learned line counted <paramref name="weight"/>
    /// times: one label among thousands of lines would otherwise barely move the model.
    /// </summary>
    public static IntentClassifier TrainWith(IReadOnlyList<LabelledMessage> learned, int weight = 5) =>
        Train([.. TrainingCorpus.Default, .. learned.SelectMany(m => Enumerable.Repeat(m, weight))], DefaultFeatures);

    public static IntentClassifier Train(IReadOnlyList<LabelledMessage> messages, Featurizer features, ClassifierSettings? settings = null)
    {
        var featured = messages.Select(m => (Features: features(m.Text), m.Intent, m.Category)).ToList();
        var intents = TextClassifier.Train(featured.Select(m => (m.Features, m.Intent)), settings);
        var tagged = featured.Where(m => m.Category is not null).Select(m => (m.Features, m.Category!)).ToList();
        var categories = tagged.Select(t => t.Item2).Distinct().Count() > 1 ? TextClassifier.Train(tagged, settings) : null;
        return new IntentClassifier(intents, categories);
    }

    /// <summary>Every intent with its probability, best first.</summary>
    public LabelScore[] Intents(string features) => _intents.Classify(features);

    /// <summary>The most likely report category, or null when no category was ever tagged.</summary>
    public LabelScore? Category(string features) => _categories?.Classify(features)[0];
}
