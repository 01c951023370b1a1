namespace GovBot.Host.WeCom.Outbox;

/// <summary>A reply part that cannot become a WeCom message (a skill's mistake); the row fails visibly.</summary>
public sealed class OutboxRenderException(string message) : Exception(message);
