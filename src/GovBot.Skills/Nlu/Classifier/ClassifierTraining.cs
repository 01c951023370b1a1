using Microsoft.Extensions.Hosting;

namespace GovBot.Skills.Nlu.Classifier;

/// <summary>
/// Trains the classifier while the host starts (a few seconds, once per process), so that the first resident to
/// write is not the one who waits for it.
/// </summary>
internal sealed class ClassifierTraining(IntentRouter router) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        router.Parse("你好");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
