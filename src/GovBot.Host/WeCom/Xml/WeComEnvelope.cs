namespace GovBot.Host.WeCom.Xml;

/// <summary>The outer XML of an encrypted callback POST.</summary>
/// <param name="Encrypt">Base64 cipher text, to pass to <c>WeComCrypto.DecryptMessage</c>.</param>
/// <param name="ToUserName">The CorpID WeCom addressed, when present.</param>
/// <param name="AgentId">The app's AgentID, when present.</param>
public sealed record WeComEnvelope(string Encrypt, string? ToUserName, string? AgentId);
