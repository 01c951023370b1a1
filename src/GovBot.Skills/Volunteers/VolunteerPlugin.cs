using System.ComponentModel;
using GovBot.Skills.Ai;
using GovBot.Skills.Nlu;
using Microsoft.SemanticKernel;

namespace GovBot.Skills.Volunteers;

/// <summary>Joining a volunteer team as the model sees it; <see cref="VolunteerJoinSkill"/> lists the teams and asks the rest.</summary>
public sealed class VolunteerPlugin
{
    [KernelFunction("join_volunteer_team")]
    [Description("想当志愿者、加入志愿服务队（不是预约理发、义诊这类服务）。The user wants to become a volunteer or join a volunteer team, not to book a service.")]
    public IntentProposal JoinVolunteerTeam() => IntentProposal.Of(Intents.Volunteer);
}
