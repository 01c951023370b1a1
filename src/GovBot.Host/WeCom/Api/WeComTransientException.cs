namespace GovBot.Host.WeCom.Api;

/// <summary>
/// WeCom gave no usable answer: the network failed, it timed out, it answered 5xx or not JSON,
/// or it would not issue an access token. Nothing was refused; the same call may succeed later.
/// </summary>
public sealed class WeComTransientException(string message, Exception? inner = null) : Exception(message, inner);
