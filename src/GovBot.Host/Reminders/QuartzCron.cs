namespace GovBot.Host.Reminders;

/// <summary>Checks a configured cron expression the way the scheduler will read it, so a typo stops the start instead of the schedule.</summary>
public static class QuartzCron
{
    public static bool IsValid(string expression)
    {
        try
        {
            _ = new Quartz.CronExpression(expression);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
