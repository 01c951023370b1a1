namespace GovBot.Host.WeCom.Xml;

/// <summary>Size limits applied to every WeCom document before and while it is parsed.</summary>
public static class WeComXmlLimits
{
    /// <summary>256 KiB of characters: generous for any callback WeCom sends, small enough that parsing it cannot hurt.</summary>
    public const int DefaultMaxCharacters = 256 * 1024;

    /// <summary>Ceiling on entity-expanded text; predefined entities and character references do not count against it.</summary>
    public const int MaxCharactersFromEntities = 1024;
}
