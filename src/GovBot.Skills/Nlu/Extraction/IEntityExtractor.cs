namespace GovBot.Skills.Nlu.Extraction;

/// <summary>The user's text and its normalised form (same length, so offsets agree).</summary>
public readonly struct NluText
{
    public NluText(string original)
    {
        Original = original;
        Normalized = TextNormalizer.Normalize(original);
    }

    public string Original { get; }

    /// <summary>Full-width folded to half-width and ASCII lower-cased; offsets equal those of <see cref="Original"/>.</summary>
    public string Normalized { get; }
}

/// <summary>Finds one kind of entity. Extractors are stateless per call and safe to share between threads.</summary>
public interface IEntityExtractor
{
    /// <summary>Adds what it finds, with UTF-16 spans into the original text (End exclusive).</summary>
    void Extract(in NluText text, List<EntityMatch> results);
}
