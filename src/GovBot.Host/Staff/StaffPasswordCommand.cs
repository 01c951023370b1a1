namespace GovBot.Host.Staff;

/// <summary><c>dotnet run --project src/GovBot.Host -- hash-password</c>: one line of password in, its hash out.</summary>
public static class StaffPasswordCommand
{
    public static int Run(TextReader input, TextWriter output, TextWriter error)
    {
        if (!Console.IsInputRedirected) error.WriteLine("输入密码后回车：");
        var password = input.ReadLine();
        if (string.IsNullOrEmpty(password) || password.Length < 8)
        {
            error.WriteLine("密码至少 8 位。");
            return 2;
        }
        output.WriteLine(StaffPasswords.Hash(password));
        return 0;
    }
}
