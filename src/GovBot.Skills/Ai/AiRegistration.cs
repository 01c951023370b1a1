using System.ClientModel;
using System.ClientModel.Primitives;
using GovBot.Skills.Nlu;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using OpenAI;

namespace GovBot.Skills.Ai;

public static class AiRegistration
{
    /// <summary>
    /// Routing through a language model when section <c>AI</c> names an endpoint; otherwise nothing is registered and
    /// the rules route alone. The model's router is a layer around the rules' router (<see cref="IntentRouterLayers"/>),
    /// so this may be called before or after <see cref="NluRegistration.AddGovBotNlu"/>.
    /// </summary>
    public static IHostApplicationBuilder AddGovBotAi(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(AiOptions.Section);
        if (string.IsNullOrWhiteSpace(section[nameof(AiOptions.Endpoint)])) return builder;

        var services = builder.Services;
        services.AddOptions<AiOptions>().Bind(section)
            .Validate(o => o.Endpoint is { IsAbsoluteUri: true } e && (e.Scheme == Uri.UriSchemeHttp || e.Scheme == Uri.UriSchemeHttps),
                "AI:Endpoint must be an absolute http(s) address.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.Model), "AI:Model is required with AI:Endpoint.")
            .Validate(o => o.Timeout > TimeSpan.Zero && o.Timeout <= TimeSpan.FromSeconds(30), "AI:Timeout must be between 0 and 30 seconds.")
            .Validate(o => o.MinTextLength >= 0, "AI:MinTextLength must not be negative.")
            .Validate(o => PromptsReadable(o.PromptsPath), "AI:PromptsPath must hold route/skprompt.txt and route/config.json.")
            .ValidateOnStart();

        services.AddMetrics();
        services.AddSingleton<AiMetrics>();
        services.AddSingleton(sp => RoutePrompt.Load(sp.GetRequiredService<IOptions<AiOptions>>().Value.PromptsPath));
        services.AddSingleton<ProposalValidator>();
        services.AddSingleton(sp => BuildKernel(sp, sp.GetRequiredService<IOptions<AiOptions>>().Value));
        services.AddIntentRouterLayer((sp, rules) => ActivatorUtilities.CreateInstance<LlmIntentRouter>(sp, rules));
        services.AddAiPlugin<ConversationPlugin>("conversation");
        return builder;
    }

    /// <summary>
    /// Offers a skill's <c>[KernelFunction]</c>s to the model. Each function returns an <see cref="IntentProposal"/>
    /// and writes nothing. Harmless without a model: it only records the type.
    /// </summary>
    public static IServiceCollection AddAiPlugin<TPlugin>(this IServiceCollection services, string name) where TPlugin : class
    {
        services.AddSingleton(new AiPluginRegistration(name, sp => KernelPluginFactory.CreateFromType<TPlugin>(name, sp)));
        return services;
    }

    private static Kernel BuildKernel(IServiceProvider sp, AiOptions options)
    {
        var client = new OpenAIClient(
            // Local servers take no key, but the client refuses to start without one.
            new ApiKeyCredential(string.IsNullOrWhiteSpace(options.ApiKey) ? "none" : options.ApiKey),
            new OpenAIClientOptions
            {
                Endpoint = options.Endpoint,
                // A retry cannot fit in the budget; the rules are the retry.
                RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
                NetworkTimeout = options.Timeout,
            });
        // No logger factory: the connector's own logs could carry the user's words.
        var kernel = Kernel.CreateBuilder();
        kernel.AddOpenAIChatCompletion(options.Model, client);
        foreach (var plugin in sp.GetServices<AiPluginRegistration>().DistinctBy(p => p.Name))
            kernel.Plugins.Add(plugin.Create(sp));
        return kernel.Build();
    }

    private static bool PromptsReadable(string path)
    {
        try
        {
            RoutePrompt.Load(path);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.Json.JsonException or ArgumentException or KernelException)
        {
            return false;
        }
    }
}
