namespace GovBot.Emulator;

/// <summary>
/// The made-up corp the emulator plays: the host's WeCom options and the stand-in are both set to it,
/// so the outbox talks to the stand-in and the simulated callbacks pass the host's signature checks.
/// None of it is a secret; it never leaves the machine.
/// </summary>
public static class EmulatorCredentials
{
    public const string CorpId = "wwgovbotemulator0001";
    public const int AgentId = 1000002;
    public const string Secret = "govbot-emulator-secret";
    public const string Token = "GovBotEmulator";

    /// <summary>Base64 of 32 random bytes without the '=' padding, as the WeCom console shows one.</summary>
    public const string EncodingAesKey = "sHEk1uS0IRIqHU3bj0ogmhZRQS3AifDqds5gwCsvgn8";
}
