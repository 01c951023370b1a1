using System.Text.RegularExpressions;

namespace GovBot.Skills.Ai;

/// <summary>What leaves the building: the turn's text with phone and ID card numbers replaced, as the model never needs them.</summary>
public static partial class PersonalDataMask
{
    public const string PhonePlaceholder = "[电话]";

    public const string IdPlaceholder = "[证件号]";

    public static string Apply(string text) => Phone().Replace(IdNumber().Replace(text, IdPlaceholder), PhonePlaceholder);

    // Resident ID numbers: 17 digits and a check digit or X; masked first, as a phone number may hide inside one.
    [GeneratedRegex(@"(?<!\d)\d{17}[\dXx](?!\d)")]
    private static partial Regex IdNumber();

    // Mobile numbers, also written with spaces or dashes (138 1234 5678), and landlines with an area code (0351-1234567).
    [GeneratedRegex(@"(?<!\d)(?:\+?86[\s-]?)?1[3-9]\d(?:[\s-]?\d{4}){2}(?!\d)|(?<!\d)0\d{2,3}[\s-]?\d{7,8}(?!\d)")]
    private static partial Regex Phone();
}
