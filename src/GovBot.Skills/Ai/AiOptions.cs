namespace GovBot.Skills.Ai;

/// <summary>
/// Section <c>AI</c>: an OpenAI-compatible chat endpoint (Qwen, DeepSeek, GLM, Azure OpenAI, Ollama…). Without an
/// <see cref="Endpoint"/> the bot routes by rules only and Semantic Kernel is not registered at all.
/// </summary>
public sealed class AiOptions
{
    public const string Section = "AI";

    /// <summary>Base address of the API, e.g. <c>http://127.0.0.1:11434/v1</c> for Ollama.</summary>
    public Uri? Endpoint { get; set; }

    public string Model { get; set; } = "";

    /// <summary>Local servers take no key, but the client library insists on one, so any text will do there.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The whole model call, answer included; past it the rules answer. Keep well inside WeCom's 5-second window.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(2.5);

    /// <summary>
    /// Shorter messages ("是", "取消", "2", "菜单") are answers to the bot's own questions, which the rules read exactly;
    /// asking a model about them would only add delay.
    /// </summary>
    public int MinTextLength { get; set; } = 4;

    /// <summary>Folder holding the prompt files; relative paths start at the application's folder.</summary>
    public string PromptsPath { get; set; } = "prompts";

    public bool Enabled => Endpoint is not null;
}
