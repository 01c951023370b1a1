using GovBot.Skills.Ai;
using GovBot.Skills.Conversation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GovBot.Skills.GridContact;

public static class GridContactRegistration
{
    /// <summary>我们的网格员是谁: the grid's workers and lead with their phones, and the compound's property, community and station contacts.</summary>
    public static IHostApplicationBuilder AddGovBotGridContact(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<PlaceContacts>();
        services.AddSkill<GridContactSkill>();
        services.AddAiPlugin<GridContactPlugin>("gridcontact");
        return builder;
    }
}
