/** One item of a workflow: a step, an input or output, a yes/no branch, or a repeat-until loop. */
export type WorkflowItem =
  | { kind: 'step'; text: string }
  | { kind: 'input'; text: string }
  | { kind: 'output'; text: string }
  | { kind: 'if'; question: string; yes: WorkflowItem[]; no: WorkflowItem[] }
  | { kind: 'until'; question: string; body: WorkflowItem[] };

/** A daily procedure drawn as a flowchart. */
export interface Workflow {
  id: string;
  title: string;
  items: WorkflowItem[];
}

const step = (text: string): WorkflowItem => ({ kind: 'step', text });
const input = (text: string): WorkflowItem => ({ kind: 'input', text });
const output = (text: string): WorkflowItem => ({ kind: 'output', text });
const ifThen = (question: string, yes: WorkflowItem[], no: WorkflowItem[]): WorkflowItem => ({
  kind: 'if',
  question,
  yes,
  no,
});
/** Runs `body`, then asks `question`; "No" repeats the body. */
const until = (body: WorkflowItem[], question: string): WorkflowItem => ({ kind: 'until', question, body });

export const workflows: readonly Workflow[] = [
  // Cooking and kitchen
  {
    id: 'making-tea',
    title: 'Making a cup of tea',
    items: [
      step('Fill the kettle'),
      step('Boil the water'),
      step('Put a tea bag in a cup'),
      step('Pour the water into the cup'),
      step('Let the tea steep'),
      step('Remove the tea bag'),
      ifThen('Do you take milk?', [step('Add a splash of milk')], []),
    ],
  },
  {
    id: 'making-coffee',
    title: 'Making filter coffee',
    items: [
      step('Fill the water tank'),
      step('Put in a paper filter'),
      step('Add ground coffee'),
      step('Switch on the machine'),
      step('Wait for it to finish'),
      step('Pour a cup'),
      ifThen('Do you take sugar?', [step('Stir in the sugar')], []),
    ],
  },
  {
    id: 'boiling-an-egg',
    title: 'Boiling an egg',
    items: [
      step('Fill a pan with water'),
      step('Bring the water to a boil'),
      step('Lower the egg into the pan'),
      ifThen('Do you want it soft?', [step('Boil for 6 minutes')], [step('Boil for 10 minutes')]),
      step('Cool the egg in cold water'),
      step('Peel the egg'),
    ],
  },
  {
    id: 'cooking-pasta',
    title: 'Cooking pasta',
    items: [
      step('Boil a pot of salted water'),
      step('Add the pasta'),
      until([step('Stir and cook a minute')], 'Is the pasta al dente?'),
      step('Drain the pasta'),
      ifThen('Is there a sauce ready?', [step('Mix in the sauce')], [step('Add butter and cheese')]),
      step('Serve the pasta'),
    ],
  },
  {
    id: 'heating-soup',
    title: 'Heating a can of soup',
    items: [
      step('Open the can of soup'),
      step('Pour it into a pan'),
      step('Turn on the hob'),
      until([step('Stir the soup')], 'Is the soup hot?'),
      step('Pour it into a bowl'),
    ],
  },
  {
    id: 'making-toast',
    title: 'Making toast',
    items: [
      step('Put bread in the toaster'),
      step('Wait for it to pop up'),
      ifThen('Do you want butter?', [step('Spread the butter')], []),
      step('Put the toast on a plate'),
    ],
  },
  {
    id: 'baking-a-cake',
    title: 'Baking a cake',
    items: [
      input('Read the recipe'),
      step('Preheat the oven'),
      step('Mix the ingredients'),
      step('Pour batter into a tin'),
      until([step('Bake a few more minutes')], 'Is the skewer clean?'),
      step('Let the cake cool'),
    ],
  },
  {
    id: 'washing-dishes',
    title: 'Washing the dishes',
    items: [
      step('Fill the sink with hot water'),
      step('Add washing-up liquid'),
      until([step('Wash the next dish'), step('Put it on the drying rack')], 'Are all the dishes done?'),
      step('Drain the sink'),
      step('Wipe the counter'),
    ],
  },
  {
    id: 'running-the-dishwasher',
    title: 'Running the dishwasher',
    items: [
      step('Scrape food off the plates'),
      step('Load the dishwasher'),
      ifThen('Is the rinse aid low?', [step('Top up the rinse aid')], []),
      step('Add a detergent tablet'),
      step('Choose a program'),
      step('Start the dishwasher'),
    ],
  },
  {
    id: 'ordering-at-a-cafe',
    title: 'Ordering at a café',
    items: [
      step('Join the queue'),
      step('Order a coffee'),
      ifThen('Are you drinking it here?', [step('Ask for a mug')], [step('Ask for a takeaway cup')]),
      step('Pay at the till'),
      step('Wait for your name'),
      step('Collect the coffee'),
    ],
  },
  {
    id: 'eating-at-a-restaurant',
    title: 'Eating at a restaurant',
    items: [
      ifThen('Do you have a booking?', [step('Give your name')], [step('Ask for a free table')]),
      input('Read the menu'),
      step('Order the food'),
      step('Eat the meal'),
      step('Pay the bill'),
    ],
  },

  // Cleaning and laundry
  {
    id: 'tidying-a-bedroom',
    title: 'Tidying a bedroom',
    items: [
      step('Open the window'),
      step('Make the bed'),
      step('Pick up the clothes'),
      ifThen('Are the clothes dirty?', [step('Put them in the laundry')], [step('Put them in the wardrobe')]),
      step('Vacuum the floor'),
    ],
  },
  {
    id: 'vacuuming',
    title: 'Vacuuming the house',
    items: [
      step('Plug in the vacuum'),
      ifThen('Is the dust bin full?', [step('Empty the dust bin')], []),
      step('Move small items off floor'),
      step('Vacuum each room'),
      step('Put the vacuum away'),
    ],
  },
  {
    id: 'mopping-the-floor',
    title: 'Mopping the floor',
    items: [
      step('Sweep the floor'),
      step('Fill a bucket with water'),
      step('Add floor cleaner'),
      until([step('Mop a section of floor'), step('Rinse the mop')], 'Is the whole floor done?'),
      step('Empty the bucket'),
      step('Let the floor dry'),
    ],
  },
  {
    id: 'cleaning-the-bathroom',
    title: 'Cleaning the bathroom',
    items: [
      step('Open the window'),
      step('Spray the sink and bath'),
      ifThen('Is there limescale?', [step('Apply descaler')], []),
      step('Scrub the toilet'),
      step('Wipe all surfaces'),
      step('Mop the floor'),
    ],
  },
  {
    id: 'doing-the-laundry',
    title: 'Doing the laundry',
    items: [
      step('Sort the clothes by colour'),
      ifThen('Are there delicate items?', [step('Put them in a wash bag')], []),
      step('Load the washing machine'),
      step('Start a wash program'),
      ifThen('Can it go in the dryer?', [step('Tumble dry the clothes')], [step('Hang the clothes to dry')]),
    ],
  },
  {
    id: 'ironing-a-shirt',
    title: 'Ironing a shirt',
    items: [
      step('Fill the iron with water'),
      input('Read the care label'),
      ifThen('Is the shirt cotton?', [step('Set the iron to high')], [step('Set the iron to low')]),
      step('Wait for the iron to heat'),
      until([step('Iron one part of the shirt')], 'Is the shirt smooth?'),
      step('Hang the shirt up'),
    ],
  },
  {
    id: 'sorting-the-recycling',
    title: 'Sorting the recycling',
    items: [
      until(
        [
          step('Pick up the next item'),
          ifThen(
            'Is it recyclable?',
            [step('Rinse the item'), step('Put it in the recycling')],
            [step('Put it in general waste')],
          ),
        ],
        'Is all the rubbish sorted?',
      ),
      step('Take the bins outside'),
    ],
  },

  // Personal routine and health
  {
    id: 'brushing-teeth',
    title: 'Brushing your teeth',
    items: [
      step('Wet the toothbrush'),
      step('Add toothpaste'),
      step('Brush for two minutes'),
      step('Spit out the toothpaste'),
      step('Rinse the toothbrush'),
      ifThen('Do you use floss?', [step('Floss between your teeth')], []),
    ],
  },
  {
    id: 'getting-ready-in-the-morning',
    title: 'Getting ready in the morning',
    items: [
      step('Turn off the alarm'),
      step('Get up and shower'),
      step('Get dressed'),
      step('Have breakfast'),
      ifThen('Is it raining?', [step('Take an umbrella')], []),
      step('Lock the front door'),
    ],
  },
  {
    id: 'taking-medicine',
    title: 'Taking your medicine',
    items: [
      input('Read the label'),
      ifThen('Must it be taken with food?', [step('Eat a small meal')], []),
      step('Take one tablet with water'),
      step('Note the time taken'),
      step('Put the pack away'),
    ],
  },
  {
    id: 'booking-a-doctor',
    title: "Booking a doctor's visit",
    items: [
      step('Call the surgery'),
      input('Give your name and birthday'),
      step('Describe the problem'),
      ifThen('Is it urgent?', [step('Ask for a same-day slot')], [step('Choose a routine slot')]),
      step('Note the appointment time'),
      step('Set a reminder'),
    ],
  },
  {
    id: 'treating-a-small-cut',
    title: 'Treating a small cut',
    items: [
      step('Wash your hands'),
      step('Rinse the cut with water'),
      until([step('Press on the cut')], 'Has the bleeding stopped?'),
      ifThen('Is the cut deep or dirty?', [step('Seek medical help')], [step('Put on a plaster')]),
    ],
  },
  {
    id: 'checking-for-a-fever',
    title: 'Checking for a fever',
    items: [
      step('Turn on the thermometer'),
      step('Place it under the tongue'),
      step('Wait for the beep'),
      input('Read the temperature'),
      ifThen('Is it over 38 degrees?', [step('Take fever medicine')], []),
      step('Clean the thermometer'),
    ],
  },

  // Travel and commuting
  {
    id: 'catching-the-bus',
    title: 'Catching the bus',
    items: [
      step('Check the timetable'),
      step('Walk to the bus stop'),
      step('Wait for your bus'),
      step('Wave to stop the bus'),
      ifThen('Do you have a pass?', [step('Tap your pass')], [step('Buy a ticket from the driver')]),
      step('Take a seat'),
    ],
  },
  {
    id: 'taking-the-train',
    title: 'Taking the train',
    items: [
      input('Check the departure board'),
      ifThen('Do you have a ticket?', [], [step('Buy a ticket at the machine')]),
      step('Go through the ticket gate'),
      step('Find your platform'),
      step('Board the train'),
      until([step('Stay on the train')], 'Is this your stop?'),
      step('Get off the train'),
    ],
  },
  {
    id: 'cycling-to-work',
    title: 'Cycling to work',
    items: [
      step('Check the tyre pressure'),
      ifThen('Are the tyres soft?', [step('Pump up the tyres')], []),
      step('Check the brakes'),
      step('Put on your helmet'),
      step('Ride to work'),
      step('Lock the bike'),
    ],
  },
  {
    id: 'filling-up-the-car',
    title: 'Filling up the car',
    items: [
      step('Park at a free pump'),
      step('Open the fuel cap'),
      step('Pick the right nozzle'),
      until([step('Pump the fuel')], 'Is the tank full?'),
      step('Hang up the nozzle'),
      ifThen('Can you pay at the pump?', [step('Pay by card at the pump')], [step('Pay inside the shop')]),
    ],
  },
  {
    id: 'paying-for-parking',
    title: 'Paying for parking',
    items: [
      step('Park in a bay'),
      input('Read the tariff board'),
      step('Go to the pay machine'),
      input('Enter the number plate'),
      ifThen('Do you have coins?', [step('Pay with coins')], [step('Pay by card')]),
      output('Print the ticket'),
      step('Put it on the dashboard'),
    ],
  },
  {
    id: 'catching-a-flight',
    title: 'Catching a flight',
    items: [
      step('Show your passport'),
      ifThen('Do you have a bag to check?', [step('Drop off your bag')], []),
      step('Go through security'),
      input('Read the gate on the board'),
      until([step('Wait at the gate')], 'Has boarding started?'),
      step('Show your boarding pass'),
      step('Board the plane'),
    ],
  },
  {
    id: 'booking-a-taxi',
    title: 'Booking a taxi by app',
    items: [
      step('Open the taxi app'),
      input('Enter the destination'),
      step('Choose a ride type'),
      step('Confirm the booking'),
      step('Wait for the driver'),
      ifThen('Does the plate match?', [step('Get in the car')], [step('Contact the driver')]),
    ],
  },

  // Shopping, banking and bills
  {
    id: 'food-shopping',
    title: 'Doing the food shopping',
    items: [
      step('Write a shopping list'),
      step('Take a trolley'),
      step('Pick up the listed items'),
      step('Go to the checkout'),
      ifThen('Did you bring a bag?', [], [step('Buy a carrier bag')]),
      step('Pay for the shopping'),
    ],
  },
  {
    id: 'using-a-self-checkout',
    title: 'Using a self-checkout',
    items: [
      step('Put down your basket'),
      until([step('Scan the next item')], 'Are all items scanned?'),
      step('Pay by card'),
      output('Print the receipt'),
    ],
  },
  {
    id: 'returning-an-item',
    title: 'Returning an item to a shop',
    items: [
      step('Find the receipt'),
      step('Take the item to the shop'),
      step('Go to customer service'),
      ifThen('Is it within 30 days?', [step('Get a refund')], [step('Ask for store credit')]),
      step('Keep the return slip'),
    ],
  },
  {
    id: 'ordering-online',
    title: 'Ordering online',
    items: [
      step('Search for the product'),
      step('Add it to the basket'),
      ifThen('Do you have a discount code?', [input('Enter the discount code')], []),
      input('Enter the address'),
      step('Pay by card'),
      output('Show the order number'),
    ],
  },
  {
    id: 'withdrawing-cash',
    title: 'Withdrawing cash at an ATM',
    items: [
      step('Insert your card'),
      until([input('Enter the PIN')], 'Is the PIN accepted?'),
      input('Enter the amount'),
      step('Take your card'),
      ifThen('Is the balance enough?', [step('Take the cash')], [output('Show insufficient funds')]),
    ],
  },
  {
    id: 'paying-in-a-cheque',
    title: 'Paying in a cheque by app',
    items: [
      step('Sign the back of the cheque'),
      step('Open the banking app'),
      until([step('Photograph the cheque')], 'Is the photo clear?'),
      input('Enter the amount'),
      step('Submit the deposit'),
      output('Show the confirmation'),
    ],
  },
  {
    id: 'sending-a-bank-transfer',
    title: 'Sending a bank transfer',
    items: [
      step('Log in to online banking'),
      input('Enter the payee details'),
      ifThen('Is this a new payee?', [input('Enter the SMS code')], []),
      input('Enter the amount'),
      step('Check the details'),
      step('Confirm the transfer'),
    ],
  },
  {
    id: 'paying-a-bill',
    title: 'Paying an energy bill',
    items: [
      input('Read the bill'),
      step('Log in to the account'),
      ifThen('Is the amount correct?', [step('Pay online by card')], [step('Call the supplier')]),
      output('Save the confirmation'),
    ],
  },

  // School and library
  {
    id: 'doing-homework',
    title: 'Doing homework',
    items: [
      input('Read the homework list'),
      step('Get out your books'),
      until([step('Do the next task')], 'Is all homework done?'),
      step('Pack your school bag'),
    ],
  },
  {
    id: 'packing-a-school-bag',
    title: 'Packing a school bag',
    items: [
      input('Read the timetable'),
      step('Pack the books for today'),
      ifThen('Is it a PE day?', [step('Pack the PE kit')], []),
      step('Add the lunch box'),
    ],
  },
  {
    id: 'revising-for-an-exam',
    title: 'Revising for an exam',
    items: [
      input('Read the exam topics'),
      step('Make a revision timetable'),
      until([step('Revise one topic'), step('Do practice questions')], 'Are all topics covered?'),
      ifThen('Are any topics still weak?', [step('Ask a teacher for help')], []),
      step("Get a good night's sleep"),
    ],
  },
  {
    id: 'borrowing-a-library-book',
    title: 'Borrowing a library book',
    items: [
      step('Search the catalogue'),
      ifThen('Is the book on the shelf?', [step('Take it from the shelf')], [step('Ask staff to find it')]),
      step('Scan your library card'),
      step('Scan the book'),
      output('Print the due date slip'),
    ],
  },
  {
    id: 'returning-a-library-book',
    title: 'Returning a library book',
    items: [
      step('Scan the book at the kiosk'),
      ifThen('Is there a late fee?', [step('Pay the fee')], []),
      step('Leave it on the trolley'),
      output('Print a receipt'),
    ],
  },

  // Office and IT
  {
    id: 'printing-a-document',
    title: 'Printing a document',
    items: [
      step('Open the document'),
      step('Open the print dialog'),
      input('Choose printer and copies'),
      ifThen('Is there paper in the tray?', [], [step('Load paper into the tray')]),
      output('Print the pages'),
      step('Collect the printout'),
    ],
  },
  {
    id: 'clearing-a-paper-jam',
    title: 'Clearing a paper jam',
    items: [
      step('Turn off the printer'),
      step('Open the front cover'),
      until([step('Remove the jammed paper')], 'Is the paper path clear?'),
      step('Close the cover'),
      step('Turn on the printer'),
      ifThen('Is the error gone?', [], [step('Call IT support')]),
    ],
  },
  {
    id: 'submitting-expenses',
    title: 'Submitting an expense claim',
    items: [
      step('Collect your receipts'),
      step('Open the expenses form'),
      until([input('Enter one receipt')], 'Are all receipts entered?'),
      step('Attach the scans'),
      ifThen('Is the total over the limit?', [step('Get manager approval')], []),
      step('Submit the claim'),
    ],
  },
  {
    id: 'booking-a-meeting-room',
    title: 'Booking a meeting room',
    items: [
      step('Open the calendar'),
      until([input('Enter a date and time'), step('Search for free rooms')], 'Is a room free?'),
      step('Book the room'),
      ifThen('Is a projector needed?', [step('Request a projector')], []),
      step('Send the invitations'),
    ],
  },
  {
    id: 'sending-a-work-email',
    title: 'Sending a work email',
    items: [
      step('Open a new email'),
      step('Add the recipient'),
      step('Type the message'),
      ifThen('Is there an attachment?', [step('Attach the file')], []),
      step('Check the spelling'),
      step('Send the email'),
    ],
  },
  {
    id: 'resetting-a-password',
    title: 'Resetting a password',
    items: [
      step('Click Forgot password'),
      input('Enter your email address'),
      step('Open the reset email'),
      until([input('Type a new password')], 'Is the password strong?'),
      input('Repeat the password'),
      output('Show a success message'),
    ],
  },
  {
    id: 'installing-an-update',
    title: 'Installing a software update',
    items: [
      step('Save your work'),
      step('Open the update settings'),
      step('Check for updates'),
      ifThen(
        'Is an update available?',
        [step('Download the update'), step('Install the update'), step('Restart the computer')],
        [],
      ),
    ],
  },
  {
    id: 'connecting-to-wifi',
    title: 'Connecting to Wi-Fi',
    items: [
      ifThen('Is Wi-Fi switched on?', [], [step('Turn on Wi-Fi')]),
      step('Select your network'),
      input('Enter the password'),
      step('Open a web page'),
      ifThen('Does the page load?', [], [step('Restart the router')]),
    ],
  },
  {
    id: 'backing-up-photos',
    title: 'Backing up your photos',
    items: [
      step('Plug in the external drive'),
      step('Open the backup app'),
      step('Select the photo folder'),
      ifThen('Is there enough space?', [], [step('Delete old backups')]),
      step('Start the backup'),
      until([step('Wait a few minutes')], 'Is the backup finished?'),
      step('Eject the drive'),
    ],
  },

  // Home maintenance
  {
    id: 'changing-a-light-bulb',
    title: 'Changing a light bulb',
    items: [
      step('Switch off the light'),
      ifThen('Is the bulb hot?', [step('Let the bulb cool down')], []),
      step('Stand on a step ladder'),
      step('Remove the old bulb'),
      step('Fit the new bulb'),
      step('Switch on the light'),
      ifThen('Does the light work?', [], [step('Check the fuse box')]),
    ],
  },
  {
    id: 'unblocking-a-sink',
    title: 'Unblocking a sink',
    items: [
      step('Put on rubber gloves'),
      step('Remove the plug'),
      until([step('Push the plunger up and down')], 'Does the water drain?'),
      step('Pour hot water down it'),
      step('Refit the plug'),
    ],
  },
  {
    id: 'testing-a-smoke-alarm',
    title: 'Testing a smoke alarm',
    items: [
      step('Get a step ladder'),
      step('Press the test button'),
      ifThen('Does the alarm beep?', [], [step('Replace the battery'), step('Press the button again')]),
      step('Write down the test date'),
    ],
  },
  {
    id: 'painting-a-wall',
    title: 'Painting a wall',
    items: [
      step('Move the furniture away'),
      step('Cover the floor'),
      step('Tape the edges'),
      step('Stir the paint'),
      until([step('Apply a coat of paint'), step('Let it dry')], 'Is the colour even?'),
      step('Clean the brushes'),
    ],
  },
  {
    id: 'hanging-a-picture',
    title: 'Hanging a picture',
    items: [
      until([step('Choose a spot'), step('Scan for pipes and cables')], 'Is the spot safe to drill?'),
      step('Drill a hole'),
      step('Insert a wall plug'),
      step('Screw in the hook'),
      step('Hang the picture'),
      until([step('Adjust the picture')], 'Is the picture level?'),
    ],
  },

  // Gardening
  {
    id: 'watering-the-garden',
    title: 'Watering the garden',
    items: [
      input('Check the forecast'),
      ifThen('Is rain expected today?', [], [step('Fill the watering can'), step('Water the beds')]),
      step('Feel the soil in the pots'),
      ifThen('Is the soil dry?', [step('Water the pots')], []),
    ],
  },
  {
    id: 'mowing-the-lawn',
    title: 'Mowing the lawn',
    items: [
      ifThen('Is the grass wet?', [step('Wait for it to dry')], []),
      step('Clear stones and toys'),
      step('Check the fuel'),
      step('Mow the lawn in strips'),
      step('Empty the grass box'),
      step('Clean the mower'),
    ],
  },
  {
    id: 'sowing-seeds',
    title: 'Sowing seeds',
    items: [
      step('Fill a tray with compost'),
      step('Sow the seeds'),
      step('Cover with a little compost'),
      step('Water the tray gently'),
      until([step('Check the tray daily')], 'Have seedlings appeared?'),
      step('Move it to a sunny spot'),
    ],
  },

  // Pets
  {
    id: 'walking-the-dog',
    title: 'Walking the dog',
    items: [
      step('Put the lead on the dog'),
      step('Take some poo bags'),
      step('Walk around the park'),
      ifThen('Did the dog poo?', [step('Pick it up with a bag')], []),
      step('Go home'),
      step("Wipe the dog's paws"),
    ],
  },
  {
    id: 'feeding-the-cat',
    title: 'Feeding the cat',
    items: [
      step("Wash the cat's bowl"),
      ifThen('Is the food bag empty?', [step('Open a new bag')], []),
      step('Measure out the food'),
      step('Put the bowl down'),
      step('Refill the water bowl'),
    ],
  },
  {
    id: 'cleaning-a-fish-tank',
    title: 'Cleaning a fish tank',
    items: [
      step('Unplug the heater and filter'),
      step('Siphon out some water'),
      step('Scrub the glass'),
      step('Treat fresh tap water'),
      until([step('Add treated water')], 'Is the tank full?'),
      step('Plug everything back in'),
    ],
  },

  // Sport
  {
    id: 'going-for-a-run',
    title: 'Going for a run',
    items: [
      step('Put on running shoes'),
      step('Warm up for five minutes'),
      until([step('Run another kilometre')], 'Have you run 5 km?'),
      step('Walk to cool down'),
      step('Stretch your legs'),
    ],
  },
  {
    id: 'working-out-at-the-gym',
    title: 'Working out at the gym',
    items: [
      step('Scan your membership card'),
      step('Warm up on the bike'),
      step('Do your workout'),
      step('Wipe down the equipment'),
      ifThen('Do you want a shower?', [step('Shower in the changing room')], []),
    ],
  },
  {
    id: 'going-swimming',
    title: 'Going swimming',
    items: [
      step('Pay at reception'),
      step('Get changed'),
      step('Shower before swimming'),
      until([step('Swim a length')], 'Have you swum 20 lengths?'),
      step('Get out and dry off'),
    ],
  },

  // Post and parcels
  {
    id: 'sending-a-parcel',
    title: 'Sending a parcel',
    items: [
      ifThen('Is the item fragile?', [step('Wrap it in bubble wrap')], []),
      step('Pack the item in a box'),
      step('Seal the box with tape'),
      step('Write the address'),
      step('Take it to the post office'),
      ifThen('Do you want tracking?', [step('Pay for tracked delivery')], [step('Pay for standard delivery')]),
    ],
  },
  {
    id: 'collecting-from-a-locker',
    title: 'Collecting a parcel',
    items: [
      input('Read the collection code'),
      step('Go to the parcel locker'),
      input('Enter the code'),
      ifThen('Did a door open?', [step('Take the parcel'), step('Close the door')], [step('Contact the courier')]),
    ],
  },

  // Emergencies
  {
    id: 'responding-to-a-fire-alarm',
    title: 'Responding to a fire alarm',
    items: [
      step('Stop what you are doing'),
      ifThen('Is the nearest exit clear?', [step('Use the nearest exit')], [step('Use another exit')]),
      step('Close doors behind you'),
      step('Go to the assembly point'),
      step('Report to the fire warden'),
      ifThen('Is anyone missing?', [step('Tell the fire service')], []),
    ],
  },
  {
    id: 'dealing-with-a-power-cut',
    title: 'Dealing with a power cut',
    items: [
      step('Find a torch'),
      ifThen('Do neighbours have power?', [step('Check your fuse box')], [step('Report the power cut')]),
      step('Switch off appliances'),
      step('Keep the fridge closed'),
      step('Wait for power to return'),
      step('Turn appliances back on'),
    ],
  },
  {
    id: 'calling-an-ambulance',
    title: 'Calling an ambulance',
    items: [
      step('Check the scene is safe'),
      step('Call the emergency number'),
      step('Give your location'),
      ifThen('Is the person breathing?', [step('Use the recovery position')], [step('Start CPR')]),
      until([step('Stay with the person')], 'Has help arrived?'),
    ],
  },
  // Longer procedures (12 to 16 symbols) for the hardest level
  {
    id: 'hosting-a-dinner',
    title: 'Hosting a dinner party',
    items: [
      step('Choose a date'),
      step('Invite the guests'),
      input('Count the replies'),
      ifThen('Does anyone eat no meat?', [step('Plan a vegetarian dish')], [step('Plan a roast')]),
      step('Buy the ingredients'),
      step('Cook the meal'),
      step('Set the table'),
      until([step('Greet a guest')], 'Has everyone arrived?'),
      step('Serve the meal'),
    ],
  },
  {
    id: 'moving-house',
    title: 'Moving house',
    items: [
      step('Book a removal van'),
      until([step('Pack a box'), step('Label the box')], 'Is everything packed?'),
      step('Load the van'),
      step('Drive to the new home'),
      step('Unload the van'),
      ifThen('Is any box damaged?', [step('Photograph the damage'), step('Make a claim')], []),
      step('Read the meters'),
      output('Send the readings'),
    ],
  },
  {
    id: 'applying-for-a-job',
    title: 'Applying for a job',
    items: [
      step('Find a job advert'),
      step('Update your CV'),
      step('Write a cover letter'),
      step('Send the application'),
      until([step('Check your email')], 'Has the employer replied?'),
      ifThen(
        'Are you invited to interview?',
        [step('Prepare answers'), step('Attend the interview'), ifThen('Do you get an offer?', [step('Accept the offer')], [step('Ask for feedback')])],
        [step('Look for other jobs')],
      ),
    ],
  },
  {
    id: 'planning-a-holiday',
    title: 'Planning a holiday',
    items: [
      step('Choose a destination'),
      input('Enter the travel dates'),
      step('Compare flight prices'),
      step('Book the flights'),
      ifThen('Is a hotel needed?', [step('Book a hotel')], [step('Arrange to stay with friends')]),
      ifThen('Is a visa needed?', [step('Apply for a visa')], []),
      step('Buy travel insurance'),
      step('Pack your suitcase'),
    ],
  },
  {
    id: 'renting-a-flat',
    title: 'Renting a flat',
    items: [
      input('Set a monthly budget'),
      until([step('View a flat')], 'Do you like a flat?'),
      step('Make an offer'),
      ifThen('Is the offer accepted?', [step('Pass the reference checks'), step('Pay the deposit'), step('Sign the lease')], [step('Keep looking')]),
      step('Collect the keys'),
      step('Set up the utilities'),
    ],
  },
  {
    id: 'baking-bread',
    title: 'Baking a loaf of bread',
    items: [
      step('Weigh the flour'),
      step('Add yeast and salt'),
      step('Add warm water'),
      until([step('Knead for a minute')], 'Is the dough smooth?'),
      step('Cover the bowl'),
      until([step('Wait ten minutes')], 'Has the dough doubled?'),
      step('Shape the loaf'),
      step('Bake for 30 minutes'),
      ifThen('Does it sound hollow?', [step('Cool on a rack')], [step('Bake 5 minutes more')]),
    ],
  },
  {
    id: 'changing-a-tyre',
    title: 'Changing a flat tyre',
    items: [
      step('Park on flat ground'),
      step('Switch on the hazard lights'),
      step('Loosen the wheel nuts'),
      step('Jack up the car'),
      step('Remove the flat tyre'),
      step('Fit the spare wheel'),
      until([step('Tighten a wheel nut')], 'Are all nuts tight?'),
      step('Lower the car'),
      ifThen('Is the spare a space saver?', [output('Drive below 50 mph')], []),
    ],
  },
  {
    id: 'registering-at-a-gp',
    title: 'Registering with a doctor',
    items: [
      step('Find a local surgery'),
      ifThen('Is it taking new patients?', [step('Get a registration form')], [step('Try another surgery'), step('Get a registration form')]),
      input('Fill in your details'),
      input('Add your medical history'),
      step('Show proof of address'),
      step('Hand in the form'),
      until([step('Wait for a letter')], 'Are you registered?'),
      step('Book a health check'),
    ],
  },
  {
    id: 'setting-up-a-phone',
    title: 'Setting up a new phone',
    items: [
      step('Charge the phone'),
      step('Insert the SIM card'),
      step('Switch the phone on'),
      input('Choose a language'),
      input('Join a Wi-Fi network'),
      ifThen('Do you have a backup?', [step('Restore the backup')], [step('Set up as new')]),
      until([input('Enter a new passcode')], 'Do the passcodes match?'),
      step('Sign in to your account'),
      step('Install your apps'),
    ],
  },
  {
    id: 'running-a-bake-sale',
    title: 'Running a bake sale',
    items: [
      step('Book a table'),
      step('Ask for volunteers'),
      step('Bake the cakes'),
      step('Price each cake'),
      step('Set out the table'),
      until([step('Serve a customer')], 'Are the cakes sold out?'),
      step('Count the money'),
      ifThen('Did you make a profit?', [output('Announce the total')], [output('Report the loss')]),
      step('Clear the table'),
    ],
  },
  {
    id: 'decorating-a-room',
    title: 'Decorating a room',
    items: [
      step('Move the furniture'),
      step('Cover the floor'),
      ifThen('Is there old wallpaper?', [step('Strip the wallpaper')], []),
      step('Sand the walls'),
      until([step('Apply a coat of paint'), step('Let the paint dry')], 'Is the colour even?'),
      step('Paint the skirting boards'),
      step('Put the furniture back'),
    ],
  },
  {
    id: 'organising-a-meeting',
    title: 'Organising a team meeting',
    items: [
      step('Write the agenda'),
      step('Check calendars'),
      input('Choose a time'),
      ifThen('Is a room free?', [step('Book the room')], [step('Set up a video call')]),
      step('Send the invitation'),
      step('Share the slides'),
      until([step('Discuss the next item')], 'Is the agenda finished?'),
      step('Agree the actions'),
      output('Send the minutes'),
      ifThen('Is a follow-up needed?', [step('Schedule the next meeting')], []),
    ],
  },
  {
    id: 'training-a-puppy',
    title: 'Teaching a puppy to sit',
    items: [
      step('Get some treats'),
      step('Find a quiet room'),
      until(
        [step('Hold a treat above its nose'), step('Say "sit"'), ifThen('Does the puppy sit?', [step('Give the treat')], [step('Wait a moment')])],
        'Has it sat five times in a row?',
      ),
      step('Praise the puppy'),
      step('End the session'),
      ifThen('Is it tired?', [step('Let it sleep')], [step('Play a game')]),
    ],
  },
  {
    id: 'filing-a-tax-return',
    title: 'Filing a tax return',
    items: [
      step('Log in to the tax website'),
      input('Enter your income'),
      ifThen('Are you self-employed?', [input('Enter your expenses'), input('Enter your profit')], []),
      ifThen('Did you give to charity?', [input('Enter the donations')], []),
      step('Check the calculation'),
      until([step('Correct a mistake')], 'Are all figures right?'),
      step('Submit the return'),
      ifThen('Is tax owed?', [step('Pay the bill')], [output('Show the refund')]),
    ],
  },
  // Short procedures (8 symbols) for the second level
  {
    id: 'defrosting-the-freezer',
    title: 'Defrosting the freezer',
    items: [step('Move the food to a cool box'), step('Switch off the freezer'), until([step('Wait an hour')], 'Has all the ice melted?'), step('Wipe the inside dry'), step('Switch the freezer back on')],
  },
  {
    id: 'washing-the-car',
    title: 'Washing the car',
    items: [step('Fill two buckets'), step('Hose down the car'), until([step('Wash one panel with a mitt')], 'Is every panel clean?'), step('Rinse off the suds'), step('Dry it with a chamois')],
  },
  {
    id: 'changing-the-bed-sheets',
    title: 'Changing the bed sheets',
    items: [step('Strip the bed'), step('Put the sheets in the wash'), ifThen('Is the mattress cover dirty?', [step('Wash the cover too')], []), step('Fit a clean sheet'), step('Put on fresh pillowcases')],
  },
  {
    id: 'requesting-annual-leave',
    title: 'Requesting annual leave',
    items: [
      input('Check your leave balance'),
      step('Check the team calendar'),
      step('Submit a leave request'),
      ifThen('Is the request approved?', [step('Add it to your calendar')], [step('Choose other dates')]),
    ],
  },
  {
    id: 'checking-in-at-a-hotel',
    title: 'Checking in at a hotel',
    items: [step('Go to reception'), input('Give your booking name'), step('Show your ID'), ifThen('Is the room ready?', [step('Take the key card')], [step('Leave your bags with staff')])],
  },
  {
    id: 'hiring-a-city-bike',
    title: 'Hiring a city bike',
    items: [step('Open the bike hire app'), until([step('Scan the code on a bike')], 'Does the lock open?'), step('Ride to your stop'), step('Dock the bike'), step('End the hire in the app')],
  },
  {
    id: 'bleeding-a-radiator',
    title: 'Bleeding a radiator',
    items: [step('Turn off the heating'), step('Hold a cloth under the valve'), step('Open the valve with a key'), until([step('Let the air hiss out')], 'Does water come out?'), step('Close the valve')],
  },
  {
    id: 'making-pancakes',
    title: 'Making pancakes',
    items: [step('Whisk the batter'), step('Heat a greased pan'), until([step('Pour in some batter'), step('Flip the pancake')], 'Is the batter used up?'), step('Serve with lemon and sugar')],
  },
  {
    id: 'pitching-a-tent',
    title: 'Pitching a tent',
    items: [step('Choose a flat spot'), step('Lay out the tent'), step('Thread the poles through'), step('Raise the tent'), until([step('Peg down a guy line')], 'Are all the lines pegged?')],
  },
  {
    id: 'wrapping-a-present',
    title: 'Wrapping a present',
    items: [ifThen('Is it an awkward shape?', [step('Put it in a box')], []), step('Cut the paper to size'), step('Fold and tape the paper'), step('Tie a ribbon round it'), step('Attach a gift tag')],
  },
  {
    id: 'replacing-an-ink-cartridge',
    title: 'Replacing an ink cartridge',
    items: [step('Open the printer lid'), step('Swap the empty cartridge'), step('Close the lid'), output('Print a test page'), ifThen('Is the print streaky?', [step('Clean the print heads')], [])],
  },
  {
    id: 'planting-a-tree',
    title: 'Planting a tree',
    items: [step('Dig a wide hole'), step('Stand the tree in the hole'), step('Fill in with soil'), ifThen('Is the spot windy?', [step('Tie it to a stake')], []), step('Water it well')],
  },
  {
    id: 'bathing-the-dog',
    title: 'Bathing the dog',
    items: [step('Brush out any tangles'), step('Wet the coat with warm water'), step('Lather in dog shampoo'), until([step('Rinse the coat')], 'Is all the shampoo out?'), step('Towel the dog dry')],
  },
  {
    id: 'reporting-a-lost-card',
    title: 'Reporting a lost bank card',
    items: [step('Open the banking app'), step('Freeze the card'), step('Retrace your steps'), ifThen('Did you find the card?', [step('Unfreeze the card')], [step('Order a replacement card')])],
  },
  {
    id: 'cleaning-the-fridge',
    title: 'Cleaning the fridge',
    items: [step('Take out all the food'), ifThen('Is any food out of date?', [step('Throw it away')], []), step('Wipe the shelves'), step('Dry the inside'), step('Put the food back')],
  },
  {
    id: 'reporting-an-it-fault',
    title: 'Reporting an IT fault',
    items: [
      step('Restart the device'),
      ifThen('Is the fault fixed?', [], [step('Open the service desk portal'), input('Describe the fault'), step('Attach a screenshot'), output('Show the ticket number')]),
    ],
  },
  {
    id: 'lighting-a-barbecue',
    title: 'Lighting a barbecue',
    items: [step('Empty the old ash'), step('Pile up the charcoal'), step('Light the firelighters'), until([step('Wait five minutes')], 'Are the coals covered in ash?'), step('Spread the coals out')],
  },
  {
    id: 'signing-in-a-visitor',
    title: 'Signing in a visitor',
    items: [input("Enter the visitor's name"), output('Print a visitor badge'), step('Call their host'), ifThen('Is the host free?', [step('Take them to the host')], [step('Offer them a seat')])],
  },
  {
    id: 'collecting-a-prescription',
    title: 'Collecting a prescription',
    items: [
      step('Go to the pharmacy'),
      input('Give your name and address'),
      ifThen('Do you pay for prescriptions?', [step('Pay the charge')], [step('Show your exemption card')]),
      step('Check the medicine'),
    ],
  },
  // Short procedures (7 symbols) for the easiest level
  {
    id: 'charging-a-phone',
    title: 'Charging a phone',
    items: [step('Plug in the charger'), step('Connect the phone'), until([step('Wait ten minutes')], 'Is the battery full?'), step('Unplug the phone')],
  },
  {
    id: 'answering-the-door',
    title: 'Answering the door',
    items: [step('Hear the doorbell'), step('Look through the peephole'), ifThen('Do you know the caller?', [step('Open the door')], [step('Speak through the door')])],
  },
  {
    id: 'watering-a-houseplant',
    title: 'Watering a houseplant',
    items: [step('Touch the soil'), ifThen('Is the soil dry?', [step('Water the plant')], []), step('Empty the saucer'), step('Put the plant back')],
  },
  {
    id: 'locking-up',
    title: 'Locking up at night',
    items: [step('Close the windows'), step('Lock the back door'), ifThen('Is the front door locked?', [], [step('Lock the front door')]), step('Turn off the lights')],
  },
  {
    id: 'making-a-sandwich',
    title: 'Making a sandwich',
    items: [step('Take two slices of bread'), step('Spread the butter'), ifThen('Do you want cheese?', [step('Add a slice of cheese')], [step('Add some ham')])],
  },
  {
    id: 'taking-out-the-bins',
    title: 'Taking out the bins',
    items: [step('Tie up the kitchen bag'), step('Drop it in the wheelie bin'), ifThen('Is it recycling week?', [step('Put out the recycling bin')], [step('Put out the general bin')])],
  },
  {
    id: 'making-porridge',
    title: 'Making porridge',
    items: [step('Put oats in a pan'), step('Add the milk'), until([step('Stir over a low heat')], 'Is it thick and creamy?'), step('Pour it into a bowl')],
  },
  {
    id: 'making-a-smoothie',
    title: 'Making a smoothie',
    items: [step('Chop the fruit'), step('Put it in the blender'), step('Add milk or yoghurt'), until([step('Blend for ten seconds')], 'Is it smooth?')],
  },
  {
    id: 'heating-a-ready-meal',
    title: 'Heating a ready meal',
    items: [step('Pierce the film lid'), step('Microwave for four minutes'), step('Stir the food'), until([step('Heat one more minute')], 'Is it piping hot?')],
  },
  {
    id: 'cleaning-the-windows',
    title: 'Cleaning the windows',
    items: [step('Fill a bucket with soapy water'), step('Wash the glass with a sponge'), step('Wipe it with a squeegee'), ifThen('Are there any streaks?', [step('Buff with a dry cloth')], [])],
  },
  {
    id: 'hanging-out-the-washing',
    title: 'Hanging out the washing',
    items: [step('Empty the washing machine'), ifThen('Is it dry outside?', [step('Peg it on the line')], [step('Put it on a clothes horse')]), step('Fold it once dry')],
  },
  {
    id: 'descaling-the-kettle',
    title: 'Descaling the kettle',
    items: [step('Add descaler and water'), step('Leave it for an hour'), ifThen('Is any scale left?', [step('Scrub it with a brush')], []), step('Rinse the kettle')],
  },
  {
    id: 'changing-a-nappy',
    title: 'Changing a nappy',
    items: [step('Remove the dirty nappy'), step('Clean with a baby wipe'), ifThen('Is the skin red?', [step('Apply nappy cream')], []), step('Fasten a clean nappy')],
  },
  {
    id: 'topping-up-a-travel-card',
    title: 'Topping up a travel card',
    items: [step('Place the card on the reader'), output('Show the balance'), ifThen('Is the balance low?', [step('Add credit by card')], []), step('Take the card')],
  },
  {
    id: 'checking-the-engine-oil',
    title: 'Checking the engine oil',
    items: [step('Park on level ground'), step('Pull out the dipstick'), step('Wipe it and dip it again'), ifThen('Is the oil below the mark?', [step('Top up the oil')], [])],
  },
  {
    id: 'de-icing-the-windscreen',
    title: 'De-icing the windscreen',
    items: [step('Start the engine'), step('Turn on the demister'), step('Spray de-icer on the glass'), until([step('Scrape off the ice')], 'Can you see clearly?')],
  },
  {
    id: 'joining-a-video-call',
    title: 'Joining a video call',
    items: [step('Open the meeting link'), ifThen('Does the camera work?', [], [step('Check the camera settings')]), step('Mute your microphone'), step('Join the call')],
  },
  {
    id: 'scanning-a-document',
    title: 'Scanning a document',
    items: [step('Lift the scanner lid'), step('Place the page face down'), until([step('Press the scan button')], 'Is the scan readable?'), step('Save the file')],
  },
  {
    id: 'shutting-down-a-computer',
    title: 'Shutting down a computer',
    items: [step('Save your work'), step('Close all programs'), ifThen('Are updates waiting?', [step('Choose Update and shut down')], [step('Choose Shut down')])],
  },
  {
    id: 'clocking-in',
    title: 'Clocking in at work',
    items: [step('Go to the staff entrance'), step('Tap your badge on the reader'), ifThen('Did the light turn green?', [step('Go to your workstation')], [step('Sign the paper register')])],
  },
  {
    id: 'sending-a-birthday-card',
    title: 'Sending a birthday card',
    items: [step('Write a message inside'), step('Sign your name'), ifThen('Will you see them on the day?', [step('Hand it over in person')], [step('Post it a few days early')])],
  },
  {
    id: 'setting-an-alarm',
    title: 'Setting an alarm',
    items: [step('Open the clock app'), input('Enter the wake-up time'), ifThen('Is it for every weekday?', [step('Repeat it Monday to Friday')], []), step('Save the alarm')],
  },
  {
    id: 'sewing-on-a-button',
    title: 'Sewing on a button',
    items: [step('Thread the needle'), step('Hold the button in place'), until([step('Stitch through the holes')], 'Is the button secure?'), step('Tie off the thread')],
  },
  {
    id: 'polishing-shoes',
    title: 'Polishing your shoes',
    items: [step('Brush off the dirt'), step('Rub in the polish'), step('Let the polish dry'), until([step('Buff with a soft cloth')], 'Do the shoes shine?')],
  },
  {
    id: 'booking-cinema-tickets',
    title: 'Booking cinema tickets',
    items: [step('Choose a film and time'), ifThen('Is it sold out?', [step('Pick another showing')], []), step('Choose your seats'), step('Pay for the tickets')],
  },
  {
    id: 'using-a-pedestrian-crossing',
    title: 'Using a pedestrian crossing',
    items: [step('Press the crossing button'), until([step('Wait at the kerb')], 'Is the green man showing?'), step('Look both ways'), step('Cross the road')],
  },
  {
    id: 'charging-an-electric-car',
    title: 'Charging an electric car',
    items: [step('Park by a charge point'), step('Plug in the cable'), ifThen('Do you have the app?', [step('Start the charge in the app')], [step('Tap a bank card')])],
  },
  {
    id: 'washing-your-hands',
    title: 'Washing your hands',
    items: [step('Lather with soap'), step('Rinse under the tap'), ifThen('Is there a paper towel?', [step('Dry them with a towel')], [step('Use the hand dryer')])],
  },
  {
    id: 'putting-on-sun-cream',
    title: 'Putting on sun cream',
    items: [step('Shake the bottle'), step('Rub it on bare skin'), ifThen('Are you going swimming?', [step('Reapply after swimming')], [step('Reapply every two hours')])],
  },
  {
    id: 'submitting-a-meter-reading',
    title: 'Submitting a meter reading',
    items: [input('Read the meter'), step('Log in to your account'), input('Enter the reading'), ifThen('Is the reading accepted?', [], [step('Send a photo of the meter')])],
  },
  {
    id: 'filling-the-bird-feeder',
    title: 'Filling the bird feeder',
    items: [step('Take down the feeder'), ifThen('Is there old seed inside?', [step('Empty and wash it')], []), step('Fill it with seed'), step('Hang it back up')],
  },
  {
    id: 'raking-leaves',
    title: 'Raking the leaves',
    items: [step('Put on gardening gloves'), until([step('Rake leaves into a pile'), step('Scoop them into a bag')], 'Is the lawn clear?'), step('Take the bags to the tip')],
  },
  {
    id: 'pairing-headphones',
    title: 'Pairing wireless headphones',
    items: [step('Turn on Bluetooth'), until([step('Hold the pairing button')], 'Do the headphones appear?'), step('Select the headphones'), step('Play a test sound')],
  },
  {
    id: 'making-hot-chocolate',
    title: 'Making hot chocolate',
    items: [step('Heat the milk in a pan'), step('Whisk in the chocolate'), step('Pour it into a mug'), ifThen('Do you want cream on top?', [step('Add whipped cream')], [])],
  },
  {
    id: 'making-a-salad',
    title: 'Making a salad',
    items: [step('Wash and chop the vegetables'), step('Mix them in a bowl'), ifThen('Is it for later?', [step('Pack the dressing separately')], [step('Toss in the dressing')])],
  },
  {
    id: 'making-popcorn',
    title: 'Making popcorn',
    items: [step('Heat oil in a large pan'), step('Add the corn kernels'), step('Put the lid on'), until([step('Shake the pan')], 'Has the popping slowed?')],
  },
  {
    id: 'shredding-papers',
    title: 'Shredding confidential papers',
    items: [step('Gather the papers'), step('Remove staples and clips'), until([step('Feed sheets into the shredder')], 'Are all papers shredded?'), step('Empty the shredder bin')],
  },
  {
    id: 'filling-in-a-timesheet',
    title: 'Filling in a timesheet',
    items: [until([input('Enter the hours for a day')], 'Is every day filled in?'), ifThen('Did you work overtime?', [input('Add the overtime hours')], []), step('Submit the timesheet')],
  },
  {
    id: 'calling-in-sick',
    title: 'Calling in sick',
    items: [step('Phone your manager'), step('Explain that you are unwell'), step('Log the absence'), ifThen('Are you off over seven days?', [step('Get a fit note')], [])],
  },
  {
    id: 'cleaning-your-glasses',
    title: 'Cleaning your glasses',
    items: [step('Rinse under warm water'), step('Rub with a drop of soap'), step('Rinse off the soap'), until([step('Polish with a soft cloth')], 'Are the lenses clear?')],
  },
  {
    id: 'taking-a-shower',
    title: 'Taking a shower',
    items: [until([step('Adjust the temperature')], 'Is the water warm?'), step('Wash with shower gel'), ifThen('Is it a hair wash day?', [step('Shampoo your hair')], [])],
  },
  {
    id: 'checking-a-fire-extinguisher',
    title: 'Checking a fire extinguisher',
    items: [step('Check the safety pin'), input('Read the pressure gauge'), ifThen('Is the needle in the green?', [step('Sign the inspection tag')], [step('Report it for service')])],
  },
];
