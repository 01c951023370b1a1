using Microsoft.Extensions.ObjectPool;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Text;

namespace GovBot.Skills.Nlu.Classifier;

/// <summary>One label with the probability the classifier gives it.</summary>
public readonly record struct LabelScore(string Label, float Probability);

/// <summary>
/// A maximum-entropy (multinomial logistic regression) classifier over character 1–3-grams, trained with ML.NET
/// from labelled lines of <see cref="FeatureText"/>. Chinese has no spaces, and residents' words, dialect and typos
/// are endless: character n-grams need no segmenter and still see 电悌 as half of 电梯. Training is deterministic
/// (fixed seed, one thread) and takes about a second for a few thousand lines; prediction is a few microseconds
/// and thread-safe (a pool of ML.NET prediction engines, which are not).
/// </summary>
public sealed class TextClassifier
{
    private readonly ObjectPool<PredictionEngine<Example, Scored>> _engines;
    private readonly string[] _labels;

    private TextClassifier(MLContext ml, ITransformer model, DataViewSchema input)
    {
        var schema = model.GetOutputSchema(input);
        var names = default(VBuffer<ReadOnlyMemory<char>>);
        schema["Score"].GetSlotNames(ref names);
        _labels = [.. names.DenseValues().Select(n => n.ToString())];
        _engines = new DefaultObjectPool<PredictionEngine<Example, Scored>>(new EnginePolicy(ml, model), Environment.ProcessorCount * 2);
    }

    /// <summary>The labels it knows, in no particular order.</summary>
    public IReadOnlyList<string> Labels => _labels;

    /// <summary>Trains on pairs of <see cref="FeatureText"/> and label.</summary>
    public static TextClassifier Train(IEnumerable<(string Features, string Label)> examples, ClassifierSettings? settings = null)
    {
        settings ??= ClassifierSettings.Default;
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(examples.Select(e => Example.Of(e.Features, e.Label)));
        var text = new TextFeaturizingEstimator.Options
        {
            CaseMode = TextNormalizingEstimator.CaseMode.None,
            KeepDiacritics = true,
            KeepPunctuations = true,
            KeepNumbers = true,
            WordFeatureExtractor = null,
            CharFeatureExtractor = new WordBagEstimator.Options { NgramLength = settings.CharNgrams, UseAllLengths = true },
            Norm = TextFeaturizingEstimator.NormFunction.L2,
        };
        // Syllables are words here: unigrams and bigrams of them, split on the spaces Pinyin.Spell puts between.
        var sound = new TextFeaturizingEstimator.Options
        {
            CaseMode = TextNormalizingEstimator.CaseMode.None,
            KeepDiacritics = true,
            KeepPunctuations = true,
            KeepNumbers = true,
            CharFeatureExtractor = null,
            WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = Math.Max(1, settings.SyllableNgrams), UseAllLengths = true },
            Norm = TextFeaturizingEstimator.NormFunction.L2,
        };
        var features = ml.Transforms.Conversion.MapValueToKey("Label")
            .Append(ml.Transforms.Text.FeaturizeText("CharFeatures", text, nameof(Example.Text)));
        var pipeline = (settings.SyllableNgrams > 0
                ? features.Append(ml.Transforms.Text.FeaturizeText("SoundFeatures", sound, nameof(Example.Sound)))
                    .Append<ITransformer>(ml.Transforms.Concatenate("Features", "CharFeatures", "SoundFeatures"))
                : features.Append<ITransformer>(ml.Transforms.Concatenate("Features", "CharFeatures")))
            .Append(ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new Microsoft.ML.Trainers.LbfgsMaximumEntropyMulticlassTrainer.Options
            {
                L2Regularization = settings.L2,
                L1Regularization = settings.L1,
                NumberOfThreads = 1,
                MaximumNumberOfIterations = settings.Iterations,
                OptimizationTolerance = settings.Tolerance,
            }));
        var model = pipeline.Fit(data);
        return new TextClassifier(ml, model, data.Schema);
    }

    /// <summary>Every label with its probability, best first.</summary>
    public LabelScore[] Classify(string features)
    {
        var engine = _engines.Get();
        try
        {
            var scores = engine.Predict(Example.Of(features, "")).Score;
            var ranked = new LabelScore[_labels.Length];
            for (var i = 0; i < ranked.Length; i++) ranked[i] = new LabelScore(_labels[i], scores[i]);
            Array.Sort(ranked, static (a, b) => b.Probability.CompareTo(a.Probability));
            return ranked;
        }
        finally
        {
            _engines.Return(engine);
        }
    }

    private sealed class EnginePolicy(MLContext ml, ITransformer model) : PooledObjectPolicy<PredictionEngine<Example, Scored>>
    {
        public override PredictionEngine<Example, Scored> Create() => ml.Model.CreatePredictionEngine<Example, Scored>(model);

        public override bool Return(PredictionEngine<Example, Scored> obj) => true;
    }

    private sealed class Example
    {
        public string Text { get; set; } = "";
        public string Sound { get; set; } = "";
        public string Label { get; set; } = "";

        public static Example Of(string features, string label) => new() { Text = features, Sound = Pinyin.Spell(features), Label = label };
    }

    private sealed class Scored
    {
        public float[] Score { get; set; } = [];
    }
}

/// <summary>How a <see cref="TextClassifier"/> is trained; the defaults are what the held-out set chose.</summary>
public sealed record ClassifierSettings(int CharNgrams = 2, int SyllableNgrams = 2, float L2 = 0.1f, float L1 = 0f, int Iterations = 100, float Tolerance = 1e-5f)
{
    public static readonly ClassifierSettings Default = new();
}
