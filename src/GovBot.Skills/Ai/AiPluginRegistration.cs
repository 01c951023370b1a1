using Microsoft.SemanticKernel;

namespace GovBot.Skills.Ai;

/// <summary>A skill's functions for the model to choose from; see <see cref="AiRegistration.AddAiPlugin{TPlugin}"/>.</summary>
public sealed record AiPluginRegistration(string Name, Func<IServiceProvider, KernelPlugin> Create);
