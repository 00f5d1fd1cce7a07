return Kernel.Generated.SpecUpdate.SpecUpdateCommand.Run(args, Console.Out, Console.Error);
