using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.Connectors.OpenAI;

namespace GovBot.Skills.Ai;

/// <summary>
/// prompts/route: the system prompt (<c>skprompt.txt</c>, a Semantic Kernel template) and its settings
/// (<c>config.json</c>). Read once at start; the county's names are filled in on every call, so a refreshed store
/// shows up without a restart.
/// </summary>
public sealed class RoutePrompt
{
    public const string Folder = "route";

    private readonly IPromptTemplate _template;

    private RoutePrompt(PromptTemplateConfig config)
    {
        _template = new KernelPromptTemplateFactory().Create(config);
        var defaults = config.DefaultExecutionSettings ?? new PromptExecutionSettings();
        Settings = OpenAIPromptExecutionSettings.FromExecutionSettings(defaults);
        // The model proposes, the skill disposes: nothing the model picks may run on its own.
        Settings.FunctionChoiceBehavior = FunctionChoiceBehavior.Auto(autoInvoke: false);
        Settings.Freeze();
    }

    public OpenAIPromptExecutionSettings Settings { get; }

    /// <summary>Reads the route prompt from <paramref name="promptsPath"/>; throws when a file is missing or malformed.</summary>
    public static RoutePrompt Load(string promptsPath)
    {
        var folder = Path.Combine(Resolve(promptsPath), Folder);
        var config = PromptTemplateConfig.FromJson(File.ReadAllText(Path.Combine(folder, "config.json")));
        config.Template = File.ReadAllText(Path.Combine(folder, "skprompt.txt"));
        return new RoutePrompt(config);
    }

    /// <summary>Relative paths start at the application's folder, where the build copies prompts/.</summary>
    public static string Resolve(string promptsPath) =>
        Path.IsPathRooted(promptsPath) ? promptsPath : Path.Combine(AppContext.BaseDirectory, promptsPath);

    public async Task<string> RenderAsync(Kernel kernel, CountyContext county, CancellationToken ct) =>
        await _template.RenderAsync(kernel, new KernelArguments
        {
            ["county"] = county.Counties,
            ["communities"] = county.Communities,
            ["compounds"] = county.Compounds,
            ["categories"] = county.Categories,
            ["services"] = county.Services,
            ["today"] = county.Today,
        }, ct);
}
