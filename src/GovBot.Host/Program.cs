using GovBot.Data;
using GovBot.Host.CheckIns;
using GovBot.Host.Health;
using GovBot.Host.Nlu;
using GovBot.Host.WeCom.Callback;
using GovBot.Host.WeCom.Outbox;
using GovBot.Skills.CheckIns;
using GovBot.Skills.Conversation;
using GovBot.Skills.Nlu;
using GovBot.Skills.Reports;
using GovBot.Skills.State;

var builder = WebApplication.CreateBuilder(args);

builder.AddGovBotData();
builder.AddGovBotState();
builder.AddGovBotNlu();
builder.AddGovBotConversation();
builder.AddGovBotReports();
builder.AddGovBotCheckIns();
builder.AddWeComOutbound();
builder.AddWeComCallback();
builder.AddGovBotHealth();

var app = builder.Build();

app.MapWeComCallback();
app.MapNluApi();
app.MapCheckInsApi();
app.MapGovBotHealth();

await app.RunAsync();

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
