using System.ComponentModel.DataAnnotations;

namespace GovBot.Host.WeCom.Api;

/// <summary>The WeCom application this host speaks for; bound from the "WeCom" section.</summary>
public sealed class WeComOptions
{
    public const string SectionName = "WeCom";

    [Required] public string CorpId { get; set; } = "";

    /// <summary>The self-built application's id; WeCom numbers them from 1000000 up.</summary>
    [Range(1, int.MaxValue)] public int AgentId { get; set; }

    [Required] public string Secret { get; set; } = "";

    /// <summary>The callback token used to sign callbacks (the receiving side checks it).</summary>
    [Required] public string Token { get; set; } = "";

    /// <summary>Base64 of the callback AES key without its '=' padding, always 43 characters.</summary>
    [Required, StringLength(43, MinimumLength = 43)]
    public string EncodingAesKey { get; set; } = "";

    /// <summary>Pointed at the loopback stand-in by the emulator and tests.</summary>
    [Required, Url] public string ApiBaseUrl { get; set; } = "https://qyapi.weixin.qq.com";

    /// <summary>WeCom waits 5 s for a callback answer; what is not ready within this goes out as a push.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:00:04.500", ParseLimitsInInvariantCulture = true)]
    public TimeSpan PassiveReplyBudget { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long one API call may take before it counts as a transient failure.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00", ParseLimitsInInvariantCulture = true)]
    public TimeSpan ApiTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How old a signed callback's timestamp may be. WeCom retries an unanswered callback three times within seconds,
    /// so a genuine delivery is never this old; an older one is a captured request played back.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00", ParseLimitsInInvariantCulture = true)]
    public TimeSpan CallbackMaxAge { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How far ahead of our clock a callback's timestamp may be: room for clock drift between WeCom and us, no more.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00", ParseLimitsInInvariantCulture = true)]
    public TimeSpan CallbackMaxAhead { get; set; } = TimeSpan.FromMinutes(5);
}
